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
 * The read journal's tag queries (a tag's events, and every User event) on PostgreSQL: prepared on
 * the server so that they answer in binary, but never with a generic plan: one made while the
 * tables were empty scanned the whole journal once they had grown ({@link Statements#plannedEachTime}).
 */
class TagQueryPlanIT {

  @RegisterExtension
  static final TestPostgres postgres = new TestPostgres();

  @BeforeAll
  static void migrate() {
    Migrations.migrate(postgres.settings("postgres", 1));
  }

  @Test
  void tagQueriesArePreparedOnTheServerAndPlannedForTheirParametersEveryTime() throws SQLException {
    try (Connection c = postgres.connect()) {
      // Past PostgreSQL's five custom plans, after which it may switch to a generic one.
      for (int i = 0; i < 15; i++) {
        assertTrue(TagFirstReadJournalDao.read(c, "user-" + (i % 16), i, i + 1000, 500).isEmpty());
        assertTrue(TagFirstReadJournalDao.read(c, PersistenceIds.ALL_USER_EVENTS, i, i + 1000, 500).isEmpty());
      }
      assertEquals(2, count(c, "SELECT count(*) FROM pg_prepared_statements "
          + "WHERE statement LIKE '%event_journal%' AND custom_plans = 15"),
          "both queries are prepared on the server and were planned at each of their 15 executions");
      assertEquals(0, count(c, "SELECT count(*) FROM pg_prepared_statements "
          + "WHERE statement LIKE '%event_journal%' AND generic_plans > 0"),
          "a generic plan of a tag query is cached on the connection");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW plan_cache_mode")) {
        rs.next();
        assertEquals("auto", rs.getString(1), "the pooled connection goes back as it came");
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
