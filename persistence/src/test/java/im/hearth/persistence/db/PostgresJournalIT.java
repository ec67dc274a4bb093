package im.hearth.persistence.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal contract on PostgreSQL: one embedded server on loopback for the whole class. */
class PostgresJournalIT extends JournalContract {

  @RegisterExtension
  static final TestPostgres postgres = new TestPostgres();

  @Override
  DatabaseSettings settings() {
    return postgres.settings("postgres", 4);
  }
}
