package im.hearth.actors.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL (a real server from a Maven jar) per test JVM, on loopback, with a fresh
 * database for each test server. Durability matters in these tests, so synchronous_commit is on.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static synchronized EmbeddedPostgres postgres() throws Exception {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (Exception ignored) {
                    // the JVM is exiting anyway
                }
            }));
        }
        return postgres;
    }

    /** Storage settings for a new, empty PostgreSQL database. */
    public static Map<String, Object> newPostgresDatabase() throws Exception {
        EmbeddedPostgres pg = postgres();
        String name = "hearth_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return Map.of(
                "hearth.storage.kind", "postgresql",
                "hearth.storage.url", "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name,
                "hearth.storage.user", "postgres",
                "hearth.storage.password", "postgres",
                "hearth.storage.pool-size", 4);
    }
}
