package im.hearth.persistence.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.persistence.event.PersistenceIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read journal's tag queries (a tag's events, and every User event) must not keep a generic plan
 * on PostgreSQL: one made while the tables were empty scanned the whole journal once they had grown
 * ({@link Statements#planEachExecution}).
 */
class TagQueryPlanIT {

  @RegisterExtension
  static final TestPostgres postgres = new TestPostgres();

  @BeforeAll
  static void migrate() {
    Migrations.migrate(postgres.settings("postgres", 1));
  }

  @Test
  void tagQueryIsPlannedForItsParametersEveryTimeOnEmptyTables() throws SQLException {
    try (Connection c = postgres.connect()) {
      // Past pgjdbc's five executions before it prepares on the server, and PostgreSQL's five
      // custom plans before it may switch to a generic one.
      for (int i = 0; i < 15; i++) {
        assertTrue(TagFirstReadJournalDao.read(c, "user-" + (i % 16), i, i + 1000, 500).isEmpty());
        assertTrue(TagFirstReadJournalDao.read(c, PersistenceIds.ALL_USER_EVENTS, i, i + 1000, 500).isEmpty());
      }
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_prepared_statements "
               + "WHERE statement LIKE '%event_journal%' AND generic_plans > 0")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "a generic plan of a tag query is cached on the connection");
      }
    }
  }
}
