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
    postgres = EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        // The embedded default is off; a journal test should see what production sees.
        .setServerConfig("synchronous_commit", "on")
        .start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  DatabaseSettings settings() {
    return new DatabaseSettings(DatabaseSettings.Kind.POSTGRES,
        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "", 4);
  }
}
