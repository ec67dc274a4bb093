package im.hearth.actors.feature.vcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.feature.privatexml.PrivateXmlSettings;
import org.junit.jupiter.api.Test;

/** hearth.vcard and hearth.private: documented defaults, and a bad value stops the start. */
class ProfileSettingsTest {

    private static HearthSettings settings(String hocon) {
        return HearthSettings.fromConfig(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()));
    }

    @Test
    void defaultsComeFromReferenceConf() {
        HearthSettings s = settings("");
        assertEquals(VCardSettings.DEFAULTS, s.vcard());
        assertEquals(PrivateXmlSettings.DEFAULTS, s.privateXml());
    }

    @Test
    void sizesAreReadInBytes() {
        HearthSettings s = settings("hearth.vcard.max-size = 1m\nhearth.private.max-size = 8k");
        assertEquals(1024 * 1024, s.vcard().maxBytes());
        assertEquals(8 * 1024, s.privateXml().maxBytes());
    }

    @Test
    void aBadSizeFailsFastNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("hearth.vcard.max-size = 10"));
        assertTrue(e.getMessage().contains("hearth.vcard.max-size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> settings("hearth.private.max-size = lots"));
        assertTrue(e.getMessage().contains("hearth.private.max-size"), e.getMessage());
    }
}
