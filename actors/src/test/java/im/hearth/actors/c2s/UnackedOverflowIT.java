package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.e2e.TestDatabases;
import im.hearth.actors.e2e.TestServer;
import im.hearth.protocol.jid.BareJid;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bound on what a stream-management session (XEP-0198) keeps unacknowledged, on embedded
 * PostgreSQL: a client that never acks is disconnected once the queue is full, and every archived
 * message it did not acknowledge is in offline storage for its next session, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnackedOverflowIT {
    private static final String PASSWORD = "secret-password";
    private static final int MAX_UNACKED = 10;

    private RawServer raw;

    @BeforeAll
    void startServer() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-sm-overflow"),
                TestDatabases.newPostgresDatabase());
        settings.put("hearth.c2s.stream-management.max-unacked", MAX_UNACKED);
        raw = RawServer.start(settings, PASSWORD, List.of("alice", "bob"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    private int offline(BareJid jid) throws Exception {
        return raw.server.accounts().stats(jid).toCompletableFuture().get(10, TimeUnit.SECONDS).offlineMessages();
    }

    @Test
    void aClientThatNeverAcksIsDisconnectedAndItsMessagesWaitOffline() throws Exception {
        int sent = MAX_UNACKED + 1;
        try (RawClient alice = raw.login("alice", "phone");
             RawClient bob = raw.login("bob", "desk")) {
            alice.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
            alice.readUntil(Pattern.compile("<enabled [^>]*/>"));
            alice.send("<presence/>");
            alice.ping(); // counted too, and acknowledged below, so that only the messages stay unacked
            alice.send("<a xmlns='urn:xmpp:sm:3' h='1'/>");
            for (int i = 1; i <= sent; i++) {
                bob.send("<message type='chat' to='alice@localhost'><body>flood " + i + "</body></message>");
            }
            String end = alice.expectStreamError("policy-violation");
            assertTrue(end.contains("flood " + MAX_UNACKED), end);
        }
        BareJid jid = BareJid.parse("alice@localhost");
        // The hand-over to offline storage follows the stream's end: wait for it (or fail after a generous limit).
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (offline(jid) < sent && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(50).toNanos());
        }
        assertEquals(sent, offline(jid), "every unacknowledged message is offline, once");
        try (RawClient again = raw.login("alice", "laptop")) {
            again.send("<presence/>");
            again.readUntil("flood " + sent + "</body>");
            again.ping();
            for (int i = 1; i <= sent; i++) {
                assertEquals(1, again.transcript().split(Pattern.quote("flood " + i + "</body>"), -1).length - 1,
                        "flood " + i + " once");
            }
        }
    }
}
