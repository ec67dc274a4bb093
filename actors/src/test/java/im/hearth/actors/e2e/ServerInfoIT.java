package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The server's own messages and answers end to end with Smack: the welcome waits for a new
 * account's first login, the motd comes with each login, an admin hears of new accounts; the
 * server's version (XEP-0092) and contact addresses (XEP-0157) through disco.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerInfoIT {
    private static final long WAIT = 20_000;
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-serverinfo"),
                Map.of("hearth.storage.kind", "h2"));
        settings.put("hearth.welcome-message", "Welcome to Hearth!");
        settings.put("hearth.motd", "Maintenance tonight at 22:00");
        settings.put("hearth.admins", List.of("admin@localhost"));
        settings.put("hearth.watch-registrations", true);
        settings.put("hearth.contact-info.abuse", List.of("mailto:abuse@localhost"));
        server = TestServer.start(settings);
        TestServer.addUser(server, "admin@localhost", "admin-secret");
        TestServer.addUser(server, "newbie@localhost", "newbie-secret");
        TestServer.addUser(server, "probe@localhost", "probe-secret");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Logs in (Smack sends the initial presence) and collects message bodies until all expected have come. */
    private static Set<String> loginAndCollect(XMPPTCPConnection c, Set<String> expected) throws Exception {
        c.connect();
        StanzaCollector collector = c.createStanzaCollector(
                new AndFilter(StanzaTypeFilter.MESSAGE, MessageWithBodiesFilter.INSTANCE));
        try {
            c.login();
            Set<String> bodies = new HashSet<>();
            while (!bodies.containsAll(expected)) {
                Message m = collector.nextResult(WAIT);
                assertNotNull(m, "still missing " + expected + "; got " + bodies);
                assertEquals("localhost", m.getFrom().toString());
                bodies.add(m.getBody());
            }
            return bodies;
        } finally {
            collector.cancel();
        }
    }

    @Test
    void aNewAccountFindsTheWelcomeAndTheMotdAtItsFirstLoginAndTheAdminHearsOfIt() throws Exception {
        XMPPTCPConnection newbie = Clients.starttls(server, "newbie", "newbie-secret", "phone", "SCRAM-SHA-256");
        XMPPTCPConnection admin = Clients.starttls(server, "admin", "admin-secret", "desk", "SCRAM-SHA-256");
        try {
            loginAndCollect(newbie, Set.of("Welcome to Hearth!", "Maintenance tonight at 22:00"));
            loginAndCollect(admin, Set.of("New account: newbie@localhost", "Maintenance tonight at 22:00"));
        } finally {
            newbie.disconnect();
            admin.disconnect();
        }
    }

    @Test
    void theServerAnswersItsVersionWithoutOsAndAdvertisesItsContactAddresses() throws Exception {
        XMPPTCPConnection c = Clients.starttls(server, "probe", "probe-secret", "laptop", "SCRAM-SHA-256");
        try {
            c.connect().login();
            Version v = VersionManager.getInstanceFor(c).getVersion(JidCreate.domainBareFrom("localhost"));
            assertEquals("Hearth", v.getName());
            assertNull(v.getOs());
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(JidCreate.domainBareFrom("localhost"));
            assertTrue(info.containsFeature("jabber:iq:version"));
            assertTrue(info.containsFeature("urn:xmpp:time"));
            assertTrue(info.containsFeature("jabber:iq:last"));
            var form = info.getExtensions(org.jivesoftware.smackx.xdata.packet.DataForm.class).stream()
                    .filter(f -> "http://jabber.org/network/serverinfo".equals(f.getFormType())).findFirst().orElseThrow();
            assertEquals(List.of("mailto:abuse@localhost"), form.getField("abuse-addresses").getValuesAsString());
        } finally {
            c.disconnect();
        }
    }
}
