package im.hearth.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** An embedded PostgreSQL for a test class: on loopback, committing as production does. */
final class TestPostgres {

  private TestPostgres() {
  }

  static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        // The embedded default is off; a journal test should see what production sees.
        .setServerConfig("synchronous_commit", "on")
        .start();
  }

  static void stop(EmbeddedPostgres postgres) throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** Settings for one of its databases, as user postgres. */
  static DatabaseSettings settings(EmbeddedPostgres postgres, String database, int poolSize) {
    return new DatabaseSettings(DatabaseSettings.Kind.POSTGRES,
        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, "postgres", "", poolSize);
  }
}
