package im.hearth.persistence.db;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;

/**
 * The configuration overlay that points Pekko Persistence at a Hearth database through
 * pekko-persistence-jdbc. Use it as the top layer when building the actor system:
 *
 * <pre>{@code
 * Config config = PekkoPersistenceConfig.forDatabase(settings).withFallback(ConfigFactory.load());
 * }</pre>
 *
 * <p>Journal, snapshot store and read journal share one connection pool ({@code use-shared-db
 * = "slick"}); without that each opens its own pool of 20.
 */
public final class PekkoPersistenceConfig {

  /** The journal plugin, the default for every entity. */
  public static final String JOURNAL_PLUGIN_ID = "jdbc-journal";
  /** The snapshot store plugin, the default for every entity. */
  public static final String SNAPSHOT_PLUGIN_ID = "jdbc-snapshot-store";
  /** The read journal, for {@code PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, ...)}. */
  public static final String READ_JOURNAL_PLUGIN_ID = "jdbc-read-journal";
  /** The name of the shared database in {@code pekko-persistence-jdbc.shared-databases}. */
  public static final String SHARED_DB = "slick";

  /**
   * How often the read journal looks for new rows to order; the library's 1 s default made
   * live tag queries lag about a second, 100 ms brought that to a few hundred ms.
   */
  static final String QUERY_DELAY = "100ms";

  /**
   * How often the archive projection asks the read journal for new events on PostgreSQL. The
   * library's 1 s made each of the 16 projections there were then index a second's messages at
   * once: at 1,700 msgs/s on one core shared with PostgreSQL those bursts put the chat p99 at
   * 110–171 ms over 120 s; polling every 200 ms spread the same work and gave 33–81 ms, at about
   * the same CPU per message (bench/README.md, tenth session). An idle server pays for the extra
   * polls (about 3 % of a core more, measured on H2), so H2, the embedded default for small
   * servers, keeps the library's 1 s.
   */
  static final String POSTGRES_TAG_REFRESH = "200ms";

  /**
   * How many event writes may wait for the journal's batch writer. The library's 1000 must
   * exceed the number of entities persisting at once; a thousand sessions closing together
   * overflowed it, the overflow failed as journal errors and opened the journal's circuit breaker
   * for every login after. A waiting write costs a few hundred bytes.
   */
  static final String WRITE_QUEUE = "50000";

  /**
   * Connections of the read-side pool (the archive projection and MAM queries), and threads of the
   * blocking JDBC dispatcher they run on: as many threads as connections.
   */
  public static final int READ_POOL_SIZE = 4;

  /** The dispatcher for blocking JDBC work of read sides (pekko-projection-jdbc's own). */
  public static final String BLOCKING_JDBC_DISPATCHER = "pekko.projection.jdbc.blocking-jdbc-dispatcher";

  private PekkoPersistenceConfig() {}

  /** The overlay for this database; it has no fallback of its own. */
  public static Config forDatabase(DatabaseSettings settings) {
    String db = "pekko-persistence-jdbc.shared-databases." + SHARED_DB;
    // Built from a map, not from a HOCON string, so a password with quotes or ${ needs no escaping.
    return ConfigFactory.parseMap(Map.ofEntries(
        Map.entry("pekko.persistence.journal.plugin", JOURNAL_PLUGIN_ID),
        Map.entry("pekko.persistence.snapshot-store.plugin", SNAPSHOT_PLUGIN_ID),
        Map.entry(JOURNAL_PLUGIN_ID + ".use-shared-db", SHARED_DB),
        Map.entry(SNAPSHOT_PLUGIN_ID + ".use-shared-db", SHARED_DB),
        Map.entry(READ_JOURNAL_PLUGIN_ID + ".use-shared-db", SHARED_DB),
        Map.entry(READ_JOURNAL_PLUGIN_ID + ".journal-sequence-retrieval.query-delay", QUERY_DELAY),
        Map.entry(READ_JOURNAL_PLUGIN_ID + ".dao", TagFirstReadJournalDao.class.getName()),
        Map.entry(READ_JOURNAL_PLUGIN_ID + ".refresh-interval",
            settings.kind() == DatabaseSettings.Kind.H2 ? "1s" : POSTGRES_TAG_REFRESH),
        Map.entry(JOURNAL_PLUGIN_ID + ".bufferSize", WRITE_QUEUE),
        Map.entry(JOURNAL_PLUGIN_ID + ".dao", GroupCommitJournalDao.class.getName()),
        // Every eventsByTag stream asks the sequence actor as the node starts; with the 16 archive
        // projections there once were, the 1 s default timed out on a busy 2-core machine (a
        // warning and a restart of each stream).
        Map.entry(READ_JOURNAL_PLUGIN_ID + ".journal-sequence-retrieval.ask-timeout", "5s"),
        Map.entry(db + ".profile", settings.kind().slickProfile()),
        // pekko-projection-jdbc leaves both empty and refuses to start without them.
        Map.entry("pekko.projection.jdbc.dialect",
            settings.kind() == DatabaseSettings.Kind.H2 ? "h2-dialect" : "postgres-dialect"),
        Map.entry(BLOCKING_JDBC_DISPATCHER + ".thread-pool-executor.fixed-pool-size", READ_POOL_SIZE),
        Map.entry(db + ".db.driver", settings.kind().driver()),
        Map.entry(db + ".db.url", settings.url()),
        Map.entry(db + ".db.user", settings.user()),
        Map.entry(db + ".db.password", settings.password()),
        // Slick wants as many threads as connections; a fixed-size pool avoids connect storms.
        Map.entry(db + ".db.numThreads", settings.poolSize()),
        Map.entry(db + ".db.maxConnections", settings.poolSize()),
        Map.entry(db + ".db.minConnections", settings.poolSize())),
        "hearth storage (" + settings.kind().configName() + ")");
  }
}
