package im.hearth.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal contract on PostgreSQL: one embedded server on loopback for the whole class. */
class PostgresJournalIT extends JournalContract {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    TestPostgres.stop(postgres);
  }

  @Override
  DatabaseSettings settings() {
    return TestPostgres.settings(postgres, "postgres", 4);
  }
}
