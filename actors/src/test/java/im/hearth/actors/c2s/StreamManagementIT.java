package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import im.hearth.actors.e2e.TestDatabases;
import im.hearth.actors.e2e.TestServer;
import im.hearth.protocol.jid.BareJid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Stream management (XEP-0198) in literal XML against one server on embedded PostgreSQL: acks both
 * ways, resumption of a cut connection with exactly what the client missed, the end of an
 * unresumed session into offline storage, and bad input (enable before bind or twice, acks without
 * or with impossible counts, unknown or another account's resumption ids).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamManagementIT {
    private static final String PASSWORD = "secret-password";
    private static final String SM = "urn:xmpp:sm:3";
    private static final Pattern ENABLED = Pattern.compile("<enabled xmlns='urn:xmpp:sm:3'[^>]*/>");
    private static final Pattern FAILED = Pattern.compile("<failed xmlns='urn:xmpp:sm:3'[^>]*>.*?</failed>");

    private RawServer raw;
    private Map<String, Object> storage;

    @BeforeAll
    void startServer() throws Exception {
        storage = TestDatabases.newPostgresDatabase();
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-sm"), storage);
        raw = RawServer.start(settings, PASSWORD, List.of("alice", "bob", "mallory", "carol", "dave", "erin", "frank"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    private RawClient login(String user, String resource) throws IOException {
        return raw.login(user, resource);
    }

    /** Enables stream management with resumption; returns the resumption id. */
    private static String enable(RawClient c, String max) throws IOException {
        c.send("<enable xmlns='" + SM + "' resume='true'" + (max == null ? "" : " max='" + max + "'") + "/>");
        String enabled = c.readUntil(ENABLED);
        Matcher id = Pattern.compile("id='([^']+)'").matcher(enabled);
        assertTrue(id.find() && enabled.contains("resume='true'"), enabled);
        return id.group(1);
    }

    private static String chat(String to, String body) {
        return "<message type='chat' to='" + to + "@localhost'><body>" + body + "</body></message>";
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void countsTheClientsStanzasAndAsksForAcks() throws IOException {
        try (RawClient c = login("alice", "acks")) {
            enable(c, null);
            c.ping();
            c.ping();
            c.send("<r xmlns='" + SM + "'/>");
            assertTrue(c.readUntil(Pattern.compile("<a xmlns='urn:xmpp:sm:3' h='2'/>")).contains("h='2'"));
            // The two ping results were stanzas from the server: it asked for an ack, and accepts it.
            assertTrue(c.transcript().contains("<r xmlns='urn:xmpp:sm:3'/>"), c.transcript());
            c.send("<a xmlns='" + SM + "' h='2'/>");
            c.ping();
            c.send("<r xmlns='" + SM + "'/>");
            c.readUntil(Pattern.compile("<a xmlns='urn:xmpp:sm:3' h='3'/>"));
        }
    }

    @Test
    void enableBeforeBindIsRefusedAndTheStreamGoesOn() throws IOException {
        try (RawClient c = raw.authenticated("bob")) {
            c.send("<enable xmlns='" + SM + "' resume='true'/>");
            assertTrue(c.readUntil(FAILED).contains("<unexpected-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"));
            c.bind("later");
            enable(c, null);
        }
    }

    @Test
    void enableTwiceIsRefused() throws IOException {
        try (RawClient c = login("bob", "twice")) {
            enable(c, null);
            c.send("<enable xmlns='" + SM + "'/>");
            assertTrue(c.readUntil(FAILED).contains("unexpected-request"));
            c.ping();
        }
    }

    @Test
    void anAckWithoutHEndsTheStream() throws IOException {
        try (RawClient c = login("bob", "no-h")) {
            enable(c, null);
            c.send("<a xmlns='" + SM + "'/>");
            c.expectStreamError("bad-format");
        }
    }

    @Test
    void anAckAboveWhatWasSentEndsTheStreamWithHandledCountTooHigh() throws IOException {
        try (RawClient c = login("bob", "too-high")) {
            enable(c, null);
            c.ping();
            c.send("<a xmlns='" + SM + "' h='5'/>");
            String all = c.expectStreamError("undefined-condition");
            assertTrue(all.contains("<handled-count-too-high xmlns='urn:xmpp:sm:3' h='5' send-count='1'/>"), all);
        }
    }

    @Test
    void anAckThatGoesBackwardsEndsTheStream() throws IOException {
        try (RawClient c = login("bob", "backwards")) {
            enable(c, null);
            c.ping();
            c.ping();
            c.send("<a xmlns='" + SM + "' h='2'/><a xmlns='" + SM + "' h='1'/>");
            c.expectStreamError("undefined-condition");
        }
    }

    @Test
    void acksBeforeEnablingAreRefused() throws IOException {
        try (RawClient c = login("bob", "early")) {
            c.send("<r xmlns='" + SM + "'/>");
            assertTrue(c.readUntil(FAILED).contains("unexpected-request"));
            c.ping();
        }
    }

    @Test
    void anUnknownResumptionIdFailsAndTheClientMayBindInstead() throws IOException {
        for (String previd : List.of("garbage", "00000000-0000-4000-8000-000000000000.bm90LWEtc2VjcmV0", ".x", "a.")) {
            try (RawClient c = raw.authenticated("carol")) {
                c.send("<resume xmlns='" + SM + "' previd='" + previd + "' h='0'/>");
                // A well-formed unknown id starts a session recovered from its (empty) journal, which
                // refuses (or stops, and the stream refuses at once). Only a recovery slower than the
                // server's 15 s ask timeout would make it wait that long; once in a CI run the answer
                // took longer than RawClient's 10 s, so wait past the server's bound.
                String failed = c.readUntil(FAILED, Duration.ofSeconds(20));
                assertTrue(failed.contains("<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"), failed);
                assertFalse(failed.contains(" h="), "nothing is told about a stream that is not the client's: " + failed);
                c.bind("fresh");
                c.ping();
            }
        }
    }

    @Test
    void aSessionThatStopsWithoutAnsweringIsRefusedAtOnce() throws Exception {
        // A session whose journal holds an event no serializer reads: recovered for a resumption,
        // it fails and stops without answering. The stream must not wait for the 15 s ask timeout.
        String id = UUID.randomUUID().toString();
        try (Connection db = DriverManager.getConnection((String) storage.get("hearth.storage.url"),
                (String) storage.get("hearth.storage.user"), (String) storage.get("hearth.storage.password"));
             PreparedStatement insert = db.prepareStatement("INSERT INTO \"event_journal\" (\"deleted\", "
                     + "\"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", "
                     + "\"event_payload\", \"event_ser_id\", \"event_ser_manifest\") VALUES (false, ?, 1, 'test', 0, '', ?, 987654, 'x')")) {
            insert.setString(1, "Session|" + id);
            insert.setBytes(2, "unreadable".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        try (RawClient c = raw.authenticated("carol")) {
            c.send("<resume xmlns='" + SM + "' previd='" + id + ".bm90LWEtc2VjcmV0' h='0'/>");
            String failed = c.readUntil(FAILED, Duration.ofSeconds(10));
            assertTrue(failed.contains("<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"), failed);
            c.bind("after-a-broken-session");
            c.ping();
        }
    }

    /** A stream with resumption whose connection is then cut; returns its resumption id. */
    private String cutAfterEnabling(String user) throws IOException {
        try (RawClient c = login(user, "phone")) {
            return enable(c, null);
        }
    }

    @Test
    void anotherAccountsResumptionIdNeverResumesIt() throws IOException {
        String previd = cutAfterEnabling("dave");
        try (RawClient mallory = raw.authenticated("mallory")) {
            mallory.send("<resume xmlns='" + SM + "' previd='" + previd + "' h='0'/>");
            assertTrue(mallory.readUntil(FAILED).contains("item-not-found"));
        }
        // A wrong secret with the right session id does not resume it either.
        String forged = previd.substring(0, previd.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        try (RawClient wrong = raw.authenticated("dave")) {
            wrong.send("<resume xmlns='" + SM + "' previd='" + forged + "' h='0'/>");
            assertTrue(wrong.readUntil(FAILED).contains("item-not-found"));
        }
        // The stream is untouched: its owner still resumes it.
        try (RawClient again = raw.authenticated("dave")) {
            again.send("<resume xmlns='" + SM + "' previd='" + previd + "' h='0'/>");
            again.readUntil(Pattern.compile("<resumed xmlns='urn:xmpp:sm:3'[^>]*/>"));
            again.ping();
        }
    }

    @Test
    void aResumptionWithHAboveWhatWasSentEndsTheNewStream() throws IOException {
        String previd = cutAfterEnabling("erin");
        try (RawClient c = raw.authenticated("erin")) {
            c.send("<resume xmlns='" + SM + "' previd='" + previd + "' h='7'/>");
            String all = c.expectStreamError("undefined-condition");
            assertTrue(all.contains("<handled-count-too-high xmlns='urn:xmpp:sm:3' h='7' send-count='0'/>"), all);
        }
    }

    @Test
    void aCutConnectionResumesWithExactlyWhatTheClientMissed() throws IOException {
        RawClient alice = login("alice", "cut");
        String previd = enable(alice, null);
        alice.send("<presence/>");
        try (RawClient bob = login("bob", "desk")) {
            bob.send("<presence/>");
            bob.send(chat("alice", "one"));
            alice.readUntil("<body>one</body>");
            alice.send("<a xmlns='" + SM + "' h='1'/>"); // "one" is acknowledged, then the connection dies
            alice.close();
            bob.send(chat("alice", "two")).send(chat("alice", "three"));
            bob.ping(); // both are through bob's stream before alice comes back
            try (RawClient back = raw.authenticated("alice")) {
                back.send("<resume xmlns='" + SM + "' previd='" + previd + "' h='1'/>");
                String resumed = back.readUntil(Pattern.compile("<resumed xmlns='urn:xmpp:sm:3'[^>]*h='1'[^>]*/>"));
                assertTrue(resumed.contains("previd='" + previd + "'"), resumed);
                String rest = back.readUntil("<body>three</body>");
                assertEquals(0, count(rest, "<body>one</body>"), "acknowledged before the cut: not sent again");
                assertEquals(1, count(rest, "<body>two</body>"));
                back.send(chat("bob", "I am back"));
                bob.readUntil("<body>I am back</body>");
            }
        }
    }

    @Test
    void anExpiredSessionLeavesItsUnacknowledgedMessagesOffline() throws Exception {
        RawClient frank = login("frank", "phone");
        enable(frank, "1"); // the client asks to be kept for one second only
        frank.send("<presence/>");
        try (RawClient bob = login("bob", "sender")) {
            bob.send(chat("frank", "while you were away"));
            frank.readUntil("<body>while you were away</body>");
            frank.close(); // never acknowledged
            BareJid jid = BareJid.parse("frank@localhost");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (raw.server.accounts().stats(jid).toCompletableFuture().get(10, TimeUnit.SECONDS).offlineMessages() == 0) {
                if (System.nanoTime() > deadline) {
                    fail("the unacknowledged message never reached offline storage");
                }
                Thread.onSpinWait();
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            try (RawClient again = login("frank", "laptop")) {
                again.send("<presence/>");
                String got = again.readUntil(Pattern.compile("Offline Storage</delay>.*?</message>|</message>"));
                assertTrue(got.contains("while you were away"), got);
                again.ping();
                assertEquals(1, count(again.transcript(), "while you were away"), "delivered once");
            }
            assertEquals(0, raw.server.accounts().stats(jid).toCompletableFuture().get(10, TimeUnit.SECONDS).offlineMessages());
        }
    }
}
