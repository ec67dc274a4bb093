package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.HearthServer;
import im.hearth.persistence.db.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a login asks the database while its session recovers, counted by H2's query statistics
 * on the server's own database (the same file, opened in this JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRecoveryIT {
    private static final int LOGINS = 3;

    Path dataDir;
    HearthServer server;

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("hearth-recovery");
        server = TestServer.start(TestServer.base(dataDir, Map.of()));
        TestServer.addUsers(server, List.of("alice"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNewSessionRecoversWithoutAskingTheSnapshotStore() throws Exception {
        // alice's User entity recovers (snapshot and events) at her first login; count only the later ones.
        loginAndLeave();
        try (Connection db = DriverManager.getConnection(
                DatabaseSettings.fromConfig(ConfigFactory.empty(), dataDir).url(), "", "");
             Statement st = db.createStatement()) {
            st.execute("SET QUERY_STATISTICS FALSE");
            st.execute("SET QUERY_STATISTICS TRUE");
            for (int i = 0; i < LOGINS; i++) {
                loginAndLeave();
            }
            long journalReads = executions(st, "\"event_journal\"", "max(");
            long snapshotReads = executions(st, "\"snapshot\"", "select");
            // Each session still asks the journal for its highest sequence number: the count works.
            assertTrue(journalReads >= LOGINS, "the sessions' journal reads were counted: " + journalReads);
            assertEquals(0, snapshotReads, "a session never saves a snapshot, so it must not look for one");
        }
    }

    private void loginAndLeave() throws Exception {
        XMPPTCPConnection alice = Clients.starttls(server, "alice", "alice-secret", "desk", "SCRAM-SHA-1");
        alice.connect().login();
        alice.disconnect();
    }

    /** Executions of statements whose text has both fragments (case-insensitive), since statistics were switched on. */
    private static long executions(Statement st, String table, String fragment) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            long n = 0;
            while (rs.next()) {
                String sql = rs.getString(1).toLowerCase();
                if (sql.contains(table) && sql.contains(fragment)) {
                    n += rs.getLong(2);
                }
            }
            return n;
        }
    }
}
