package im.hearth.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL for a test class, on loopback and committing as production does:
 * {@code @RegisterExtension static final TestPostgres postgres = new TestPostgres();}.
 */
final class TestPostgres implements BeforeAllCallback, AfterAllCallback {

  private EmbeddedPostgres server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = EmbeddedPostgres.builder()
        .setServerConfig("listen_addresses", "127.0.0.1")
        // The embedded default is off; a journal test should see what production sees.
        .setServerConfig("synchronous_commit", "on")
        .start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** A connection to the server's own {@code postgres} database. */
  Connection connect() throws SQLException {
    return server.getPostgresDatabase().getConnection();
  }

  /** Settings for one of its databases, as user postgres. */
  DatabaseSettings settings(String database, int poolSize) {
    return new DatabaseSettings(DatabaseSettings.Kind.POSTGRES,
        "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database, "postgres", "", poolSize);
  }

  /** Settings for a new, empty database of this name. */
  DatabaseSettings newDatabase(String name, int poolSize) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return settings(name, poolSize);
  }
}
