package im.hearth.persistence.db;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal writer's contract on PostgreSQL: one embedded server, a new database per test. */
class PostgresJournalWriterIT extends JournalWriterContract {

  @RegisterExtension
  static final TestPostgres postgres = new TestPostgres();
  private static int databases;

  @Override
  DatabaseSettings freshDatabase() throws SQLException {
    return postgres.newDatabase("writer_" + ++databases, 2);
  }
}
