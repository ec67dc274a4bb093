package im.hearth.persistence.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on the embedded default: an H2 file in a fresh data directory. */
class H2JournalIT extends JournalContract {

  @TempDir
  static Path dataDir;

  @Override
  DatabaseSettings settings() {
    DatabaseSettings defaults = DatabaseSettings.h2(dataDir);
    return new DatabaseSettings(defaults.kind(), defaults.url(), defaults.user(), defaults.password(), 4);
  }

  /**
   * H2 could answer {@code LIKE 'User|%'} (a prefix) from the primary key, reading every User event
   * ever written: the query must read the journal by its ordering.
   */
  @Test
  void allUserEventsAreReadByTheOrderingIndex() throws SQLException {
    Migrations.migrate(settings());
    try (Connection c = DriverManager.getConnection(settings().url(), settings().user(), settings().password());
         PreparedStatement ps = c.prepareStatement("EXPLAIN " + TagFirstReadJournalDao.ALL_USER_EVENTS)) {
      ps.setLong(1, 100);
      ps.setLong(2, 600);
      ps.setString(3, TagFirstReadJournalDao.USER_IDS);
      ps.setLong(4, 500);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String plan = rs.getString(1);
        assertTrue(plan.contains("event_journal_ordering_idx"), plan);
      }
    }
  }
}
