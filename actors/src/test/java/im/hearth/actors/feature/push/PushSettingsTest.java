package im.hearth.actors.feature.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.config.HearthSettings;
import org.junit.jupiter.api.Test;

/** The hearth.push section: privacy-preserving defaults, the switches, the device limit checked. */
class PushSettingsTest {

    private static HearthSettings settings(String hocon) {
        return HearthSettings.fromConfig(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()));
    }

    @Test
    void neitherSenderNorBodyByDefault() {
        assertEquals(PushSettings.DEFAULTS, settings("").push());
    }

    @Test
    void senderAndBodyWhenSwitchedOn() {
        assertEquals(new PushSettings(true, true, 3),
                settings("hearth.push { with-sender = on, with-body = on, max-devices = 3 }").push());
    }

    @Test
    void rejectsADeviceLimitOutOfRange() {
        for (String bad : new String[] {"0", "101"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> settings("hearth.push.max-devices = " + bad));
            assertTrue(e.getMessage().contains("hearth.push.max-devices"), e.getMessage());
        }
    }
}
