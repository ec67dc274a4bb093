package im.hearth.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal writer's contract on PostgreSQL: one embedded server, a new database per test. */
class PostgresJournalWriterIT extends JournalWriterContract {

  private static EmbeddedPostgres postgres;
  private static int databases;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    TestPostgres.stop(postgres);
  }

  @Override
  DatabaseSettings freshDatabase() throws SQLException {
    String name = "writer_" + ++databases;
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return TestPostgres.settings(postgres, name, 2);
  }
}
