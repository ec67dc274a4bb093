package im.hearth.actors.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the typed settings once, with the defaults of reference.conf, and failing with the key's name. */
class HearthSettingsTest {

    private static HearthSettings settings(String hocon) {
        return HearthSettings.fromConfig(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()));
    }

    private static void assertRejected(String hocon, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> settings(hocon));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void defaultsAreThoseOfReferenceConf() {
        HearthSettings s = settings("");
        assertEquals(List.of("localhost"), s.hosts());
        assertEquals("localhost", s.defaultHost());
        assertEquals(5222, s.c2s().starttlsPort());
        assertEquals(5223, s.c2s().directTlsPort());
        assertTrue(s.c2s().requireEncryption());
        assertEquals(3, s.c2s().maxAuthAttempts());
        assertEquals(256 * 1024, s.c2s().maxStanzaBytes());
        assertEquals(Duration.ofSeconds(60), s.c2s().authTimeout());
        assertEquals(Duration.ofMinutes(10), s.loginThrottle().window());
        assertTrue(s.tls().generated());
        assertEquals("127.0.0.1", s.admin().bind());
        assertTrue(s.dataDir().isAbsolute());
    }

    @Test
    void hostsAreTrimmedAndLowerCased() {
        HearthSettings s = settings("hearth.hosts = [\" Example.ORG \", \"chat.example.org\"]");
        assertEquals(List.of("example.org", "chat.example.org"), s.hosts());
        assertTrue(s.hosts("chat.example.org"));
        assertEquals("example.org", s.defaultHost());
    }

    @Test
    void rejectsNoHostsOrAnEmptyOne() {
        assertRejected("hearth.hosts = []", "hearth.hosts");
        assertRejected("hearth.hosts = [\"  \"]", "hearth.hosts");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertRejected("hearth.c2s.starttls-port = 70000", "hearth.c2s.starttls-port");
        assertRejected("hearth.c2s.direct-tls-port = -2", "hearth.c2s.direct-tls-port");
        assertRejected("hearth.admin.port = 65536", "hearth.admin.port");
    }

    @Test
    void acceptsPortsThatDisableOrPickAFreePort() {
        HearthSettings s = settings("hearth.c2s.starttls-port = -1, hearth.c2s.direct-tls-port = 0");
        assertEquals(-1, s.c2s().starttlsPort());
        assertEquals(0, s.c2s().directTlsPort());
    }

    @Test
    void theListenBacklogIsLargerThanPekkosDefaultAndCanBeSet() {
        assertEquals(1024, settings("").c2s().backlog());
        assertEquals(50, settings("hearth.c2s.backlog = 50").c2s().backlog());
        assertRejected("hearth.c2s.backlog = 0", "hearth.c2s.backlog");
    }

    @Test
    void rejectsMaxAuthAttemptsOutsideWhatRfc6120Allows() {
        assertRejected("hearth.c2s.max-auth-attempts = 9", "hearth.c2s.max-auth-attempts");
        assertRejected("hearth.c2s.max-auth-attempts = 1", "hearth.c2s.max-auth-attempts");
        assertEquals(5, settings("hearth.c2s.max-auth-attempts = 5").c2s().maxAuthAttempts());
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertRejected("hearth.c2s.starttls-port = lots", "hearth.c2s.starttls-port");
        assertRejected("hearth.c2s.require-encryption = perhaps", "hearth.c2s.require-encryption");
    }

    @Test
    void rejectsBadSizesAndDurations() {
        assertRejected("hearth.c2s.max-stanza-size = 10", "hearth.c2s.max-stanza-size");
        assertRejected("hearth.c2s.auth-timeout = 0s", "hearth.c2s.auth-timeout");
        assertRejected("hearth.login-throttle.base-delay = -1s", "hearth.login-throttle.base-delay");
    }

    @Test
    void readsSizesWithUnits() {
        HearthSettings s = settings("hearth.c2s.max-stanza-size = 64k, hearth.c2s.max-outbound-queue = 2m");
        assertEquals(64 * 1024, s.c2s().maxStanzaBytes());
        assertEquals(2L * 1024 * 1024, s.c2s().maxOutboundQueueBytes());
    }

    @Test
    void keepaliveDefaultsToFiveMinutesAndCanBeSwitchedOff() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), settings("").c2s().pingInterval());
        assertEquals(Duration.ofSeconds(60), settings("").c2s().pingTimeout());
        assertEquals(Optional.empty(), settings("hearth.c2s.ping-interval = off").c2s().pingInterval());
        assertRejected("hearth.c2s.ping-interval = 0s", "hearth.c2s.ping-interval");
        assertRejected("hearth.c2s.ping-timeout = off", "hearth.c2s.ping-timeout");
    }

    @Test
    void adminsAreBareJidsAndServerInfoIsOffByDefault() {
        assertEquals(List.of("admin@localhost"), settings("hearth.admins = [\"Admin@LocalHost\"]").admins());
        assertRejected("hearth.admins = [\"admin@localhost/phone\"]", "hearth.admins");
        HearthSettings.ServerInfo info = settings("").serverInfo();
        assertFalse(info.showOs() || info.watchRegistrations());
        assertTrue(info.welcomeMessage().isEmpty() && info.motd().isEmpty() && info.contactInfo().isEmpty());
        assertTrue(settings("").modules().disabled().isEmpty());
    }
}
