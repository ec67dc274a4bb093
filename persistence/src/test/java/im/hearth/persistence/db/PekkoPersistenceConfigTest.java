package im.hearth.persistence.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PekkoPersistenceConfigTest {

  private static final String DB = "pekko-persistence-jdbc.shared-databases.slick";

  @Test
  void journalSnapshotsAndQueriesShareOnePostgresPool() {
    Config c = PekkoPersistenceConfig.forDatabase(new DatabaseSettings(DatabaseSettings.Kind.POSTGRES,
            "jdbc:postgresql://db:5432/hearth", "hearth", "p\"a${ss}", 7))
        .withFallback(ConfigFactory.load())
        .resolve();
    assertEquals("jdbc-journal", c.getString("pekko.persistence.journal.plugin"));
    assertEquals("jdbc-snapshot-store", c.getString("pekko.persistence.snapshot-store.plugin"));
    for (String plugin : new String[] {"jdbc-journal", "jdbc-snapshot-store", "jdbc-read-journal"}) {
      assertEquals("slick", c.getString(plugin + ".use-shared-db"), plugin);
    }
    assertEquals("slick.jdbc.PostgresProfile$", c.getString(DB + ".profile"));
    assertEquals("org.postgresql.Driver", c.getString(DB + ".db.driver"));
    assertEquals("jdbc:postgresql://db:5432/hearth", c.getString(DB + ".db.url"));
    assertEquals("hearth", c.getString(DB + ".db.user"));
    assertEquals("p\"a${ss}", c.getString(DB + ".db.password"));
    assertEquals(7, c.getInt(DB + ".db.numThreads"));
    assertEquals(7, c.getInt(DB + ".db.maxConnections"));
    assertEquals(7, c.getInt(DB + ".db.minConnections"));
    assertEquals(Duration.ofMillis(100),
        c.getDuration("jdbc-read-journal.journal-sequence-retrieval.query-delay"));
    assertEquals(Duration.ofMillis(200), c.getDuration("jdbc-read-journal.refresh-interval"));
  }

  @Test
  void h2UsesTheH2ProfileAndDriver() {
    Config c = PekkoPersistenceConfig.forDatabase(DatabaseSettings.h2(java.nio.file.Path.of("/tmp/x")));
    assertEquals("slick.jdbc.H2Profile$", c.getString(DB + ".profile"));
    assertEquals("org.h2.Driver", c.getString(DB + ".db.driver"));
    assertEquals(10, c.getInt(DB + ".db.maxConnections"));
    // Small servers: the archive projections poll at the library's pace, which costs less when idle.
    assertEquals(Duration.ofSeconds(1), c.getDuration("jdbc-read-journal.refresh-interval"));
  }
}
