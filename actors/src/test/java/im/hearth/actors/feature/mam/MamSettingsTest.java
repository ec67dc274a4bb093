package im.hearth.actors.feature.mam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MamSettingsTest {

    private static MamSettings of(String hocon) {
        return MamSettings.fromConfig(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()));
    }

    @Test
    void defaultsKeepAWeekAndCapPagesAt250() {
        MamSettings s = of("");
        assertEquals(Optional.of(Duration.ofDays(7)), s.expiresAfter());
        assertEquals(50, s.pageSize(null));
        assertEquals(250, s.pageSize(Integer.MAX_VALUE));
        assertEquals(0, s.pageSize(0));
    }

    @Test
    void neverKeepsEverything() {
        assertEquals(Optional.empty(), of("hearth.archive.expires-after = never").expiresAfter());
    }

    @Test
    void rejectsBadValues() {
        assertThrows(ConfigException.class, () -> of("hearth.archive.max-page-size = 0"));
        assertThrows(ConfigException.class, () -> of("hearth.archive.default-page-size = 300"));
        assertThrows(ConfigException.class, () -> of("hearth.archive.expires-after = 0s"));
        assertThrows(ConfigException.class, () -> of("hearth.archive.expires-after = sometimes"));
    }
}
