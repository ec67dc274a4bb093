package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.HearthServer;
import im.hearth.actors.config.HearthConfig;
import im.hearth.actors.feature.mam.ArchiveRetention;
import im.hearth.persistence.db.DatabaseSettings;
import im.hearth.persistence.db.PekkoPersistenceConfig;
import im.hearth.persistence.projection.archive.ArchiveRow;
import im.hearth.persistence.projection.archive.ArchiveStore;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The archive read side's upkeep on both databases: dropping the index and replaying the journal
 * rebuilds exactly the same rows (the "done when"); the retention sweep removes expired
 * messages from the index and from the journal for real, and the entity still recovers and
 * archives afterwards.
 */
class ArchiveMaintenanceIT {
    private static final String ALICE = "alice@localhost";
    private static final String BOB = "bob@localhost";

    private static Map<String, Object> settings(String db) throws Exception {
        Map<String, Object> storage = db.equals("postgresql") ? TestDatabases.newPostgresDatabase()
                : Map.of("hearth.storage.kind", "h2");
        return TestServer.base(Files.createTempDirectory("hearth-archive-" + db), storage);
    }

    private static DatabaseSettings database(Map<String, Object> settings) {
        return HearthConfig.database(HearthConfig.load(null, null, ConfigFactory.parseMap(settings)));
    }

    private static void chat(HearthServer server, int count, String prefix) throws Exception {
        XMPPTCPConnection alice = Clients.starttls(server, "alice", "alice-secret", "desk", "SCRAM-SHA-256");
        alice.connect().login();
        for (int i = 0; i < count; i++) {
            alice.sendStanza(MessageBuilder.buildMessage().to(JidCreate.bareFrom(BOB)).ofType(Message.Type.chat)
                    .setBody(prefix + i).build());
        }
        // A query after the messages: they are all in the journal when it is answered.
        MamManager mam = MamManager.getInstanceFor(alice);
        assertTrue(mam.isSupported());
        mam.queryArchive(MamManager.MamQueryArgs.builder().setResultPageSize(1).queryLastPage().build());
        alice.disconnect();
    }

    private static List<ArchiveRow> indexed(HearthServer server, String user, int expected) throws Exception {
        Conditions.await(expected + " rows of " + user + " indexed",
                () -> server.archive().repository().all(user).size() == expected);
        return server.archive().repository().all(user);
    }

    private static int archivedEventsInJournal(DatabaseSettings db, String user) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"event_journal\" WHERE "
                     + "\"persistence_id\" = ? AND \"event_ser_manifest\" LIKE '%MessageArchived'")) {
            ps.setString(1, "User|" + user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Tag rows of archived messages, and tag rows whose journal row is gone (no foreign key removes them: postgres/V4). */
    private static List<Integer> tagRowsOfMessagesAndOrphaned(DatabaseSettings db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement messages = c.prepareStatement("SELECT COUNT(*) FROM \"event_tag\" t JOIN "
                     + "\"event_journal\" j ON j.\"ordering\" = t.\"event_id\" "
                     + "WHERE j.\"event_ser_manifest\" LIKE '%MessageArchived'");
             PreparedStatement orphaned = c.prepareStatement("SELECT COUNT(*) FROM \"event_tag\" t WHERE NOT EXISTS "
                     + "(SELECT 1 FROM \"event_journal\" j WHERE j.\"ordering\" = t.\"event_id\")");
             ResultSet m = messages.executeQuery();
             ResultSet o = orphaned.executeQuery()) {
            m.next();
            o.next();
            return List.of(m.getInt(1), o.getInt(1));
        }
    }

    /** The tag row each User event got before they carried none: one of user-0 … user-15. */
    private static void tagLikeAnOlderHearth(DatabaseSettings db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") "
                     + "SELECT \"ordering\", 'user-3' FROM \"event_journal\" WHERE \"persistence_id\" LIKE 'User|%'")) {
            ps.executeUpdate();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void droppedIndexIsRebuiltIdenticallyFromTheJournal(String db) throws Exception {
        Map<String, Object> settings = settings(db);
        List<ArchiveRow> aliceBefore;
        List<ArchiveRow> bobBefore;
        try (HearthServer server = TestServer.start(settings)) {
            TestServer.addUser(server, ALICE, "alice-secret");
            TestServer.addUser(server, BOB, "bob-secret");
            chat(server, 30, "rebuild ");
            aliceBefore = indexed(server, ALICE, 30);
            bobBefore = indexed(server, BOB, 30);
        }
        DatabaseSettings database = database(settings);
        try (ArchiveStore store = ArchiveStore.open(database)) {
            store.repository().reset();
            assertEquals(0, store.repository().all(ALICE).size());
        }
        try (HearthServer server = TestServer.start(settings)) {
            assertEquals(aliceBefore, indexed(server, ALICE, 30));
            assertEquals(bobBefore, indexed(server, BOB, 30));
        }
    }

    /**
     * With MAM switched off the projections do not run: the journal keeps every message and the
     * index stays empty; switched on again, they catch up from their offsets.
     */
    @Test
    void mamSwitchedOffLeavesTheIndexToCatchUpWhenSwitchedOn() throws Exception {
        Map<String, Object> on = settings("h2");
        Map<String, Object> off = new HashMap<>(on);
        off.put("hearth.modules.disabled", List.of("mam"));
        DatabaseSettings database = database(on);
        try (HearthServer server = TestServer.start(off)) {
            TestServer.addUser(server, ALICE, "alice-secret");
            TestServer.addUser(server, BOB, "bob-secret");
            XMPPTCPConnection alice = Clients.starttls(server, "alice", "alice-secret", "desk", "SCRAM-SHA-256");
            alice.connect().login();
            for (int i = 0; i < 5; i++) {
                alice.sendStanza(MessageBuilder.buildMessage().to(JidCreate.bareFrom(BOB)).ofType(Message.Type.chat)
                        .setBody("while off " + i).build());
            }
            Conditions.await("5 messages in Bob's journal", () -> archivedEventsInJournal(database, BOB) == 5);
            alice.disconnect();
            // Running projections index within a poll (about a second); give them three.
            Thread.sleep(3000);
            assertEquals(0, server.archive().repository().all(BOB).size(), "nothing indexed while MAM is off");
        }
        try (HearthServer server = TestServer.start(on)) {
            assertEquals(5, indexed(server, BOB, 5).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void retentionRemovesExpiredMessagesFromIndexAndJournal(String db) throws Exception {
        Map<String, Object> settings = settings(db);
        DatabaseSettings database = database(settings);
        try (HearthServer server = TestServer.start(settings)) {
            TestServer.addUser(server, ALICE, "alice-secret");
            TestServer.addUser(server, BOB, "bob-secret");
            chat(server, 10, "old ");
            indexed(server, ALICE, 10);
            indexed(server, BOB, 10);
            assertEquals(10, archivedEventsInJournal(database, ALICE));
            assertEquals(List.of(0, 0), tagRowsOfMessagesAndOrphaned(database), "User events carry no tags");
            tagLikeAnOlderHearth(database);
            assertEquals(List.of(20, 0), tagRowsOfMessagesAndOrphaned(database));
            // A clock a day ahead with a retention of an hour: everything archived so far is expired.
            Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(1)), ZoneOffset.UTC);
            ArchiveRetention sweep = new ArchiveRetention(server.system(), server.archive().repository(),
                    server.system().dispatchers().lookup(DispatcherSelector.fromConfig(
                            PekkoPersistenceConfig.BLOCKING_JDBC_DISPATCHER)), Duration.ofHours(1), later);
            assertEquals(20, sweep.sweep().toCompletableFuture().get(60, TimeUnit.SECONDS));
            assertEquals(0, server.archive().repository().all(ALICE).size());
            assertEquals(0, server.archive().repository().all(BOB).size());
            assertEquals(0, archivedEventsInJournal(database, ALICE));
            assertEquals(0, archivedEventsInJournal(database, BOB));
            // The expired events' tag rows (from an older Hearth) went with them.
            assertEquals(List.of(0, 0), tagRowsOfMessagesAndOrphaned(database));
        }
        // The entities recover from the thinned journals (a fresh node) and archive on.
        try (HearthServer server = TestServer.start(settings)) {
            chat(server, 2, "new ");
            List<ArchiveRow> rows = indexed(server, ALICE, 2);
            assertEquals(List.of("new 0", "new 1"), rows.stream()
                    .map(r -> r.stanzaXml().replaceAll(".*<body>([^<]*)</body>.*", "$1")).toList());
            assertEquals(2, archivedEventsInJournal(database, ALICE));
        }
    }
}
