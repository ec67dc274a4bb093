package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import im.hearth.protocol.jid.BareJid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The walking skeleton end to end: Smack clients against a server started here, on a real
 * database (each subclass picks one), over real TLS sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractChatIT {
    private static final long WAIT = 20_000;

    Path dataDir;
    Map<String, Object> settings;
    HearthServer server;

    /** Storage settings for a fresh database. */
    abstract Map<String, Object> storage() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("hearth-e2e");
        settings = TestServer.base(dataDir, storage());
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob", "carol", "dave"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static Message chat(String to, String body) throws Exception {
        return MessageBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build();
    }

    static StanzaCollector bodies(XMPPTCPConnection c) {
        return c.createStanzaCollector(new AndFilter(StanzaTypeFilter.MESSAGE, MessageWithBodiesFilter.INSTANCE));
    }

    static Message next(StanzaCollector collector) throws Exception {
        Message m = collector.nextResult(WAIT);
        assertNotNull(m, "no message arrived in time");
        return m;
    }

    @Test
    void twoUsersExchangeMessagesBothWaysOverStartTlsWithScramSha256() throws Exception {
        XMPPTCPConnection alice = Clients.starttls(server, "alice", "alice-secret", "laptop", "SCRAM-SHA-256");
        XMPPTCPConnection bob = Clients.starttls(server, "bob", "bob-secret", "phone", "SCRAM-SHA-256");
        try {
            alice.connect().login();
            bob.connect().login();
            assertTrue(alice.isSecureConnection(), "STARTTLS must have been negotiated");
            StanzaCollector atBob = bodies(bob);
            StanzaCollector atAlice = bodies(alice);

            alice.sendStanza(chat("bob@localhost", "hello bob"));
            Message m1 = next(atBob);
            assertEquals("hello bob", m1.getBody());
            assertEquals("alice@localhost/laptop", m1.getFrom().toString());

            bob.sendStanza(chat("alice@localhost/laptop", "hi alice"));
            Message m2 = next(atAlice);
            assertEquals("hi alice", m2.getBody());
            assertEquals("bob@localhost/phone", m2.getFrom().toString());
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }

    @Test
    void scramSha1AndDirectTlsWork() throws Exception {
        XMPPTCPConnection carol = Clients.directTls(server, "carol", "carol-secret", "desk");
        XMPPTCPConnection bob = Clients.starttls(server, "bob", "bob-secret", "tablet", "SCRAM-SHA-1");
        try {
            carol.connect().login();
            bob.connect().login();
            StanzaCollector atCarol = bodies(carol);
            bob.sendStanza(chat("carol@localhost", "over direct TLS"));
            assertEquals("over direct TLS", next(atCarol).getBody());
        } finally {
            carol.disconnect();
            bob.disconnect();
        }
    }

    @Test
    void offlineMessagesAreDeliveredAtLoginWithDelayAndSurviveARestartExactlyOnce() throws Exception {
        XMPPTCPConnection bob = Clients.starttls(server, "bob", "bob-secret", "desk", "SCRAM-SHA-256");
        bob.connect().login();
        for (int i = 1; i <= 3; i++) {
            bob.sendStanza(chat("dave@localhost", "while you were away " + i));
        }
        // Without stream management the client cannot see when dave's journal has them; ask dave's entity.
        Conditions.await("three messages stored offline for dave", () -> server.accounts()
                .stats(BareJid.parse("dave@localhost")).toCompletableFuture().get().offlineMessages() == 3);
        bob.disconnect();

        // The server goes away and a new one starts on the same database.
        server.close();
        server = TestServer.start(settings);

        List<String> received = loginAndDrain("dave", "first");
        assertEquals(List.of("while you were away 1", "while you were away 2", "while you were away 3"), received);
        assertEquals(List.of(), loginAndDrain("dave", "second"), "offline messages must be delivered only once");
    }

    /** Logs in, then sends a marker to itself: everything stored offline arrives before the marker. */
    private List<String> loginAndDrain(String user, String resource) throws Exception {
        XMPPTCPConnection c = Clients.forUser(server, user, resource);
        StanzaCollector collector = null;
        try {
            c.connect();
            collector = bodies(c);
            c.login();
            c.sendStanza(chat(user + "@localhost", "marker"));
            List<String> bodies = new ArrayList<>();
            while (true) {
                Message m = next(collector);
                if (m.getBody().equals("marker")) {
                    return bodies;
                }
                assertNotNull(m.getExtension(DelayInformation.class), "an offline message carries a delay stamp");
                bodies.add(m.getBody());
            }
        } finally {
            if (collector != null) {
                collector.cancel();
            }
            c.disconnect();
        }
    }
}
