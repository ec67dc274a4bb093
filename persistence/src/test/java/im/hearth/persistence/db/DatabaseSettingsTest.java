package im.hearth.persistence.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  private static final Path DATA = Path.of("/var/lib/hearth");

  private static Config storage(String hocon) {
    return ConfigFactory.parseString(hocon);
  }

  @Test
  void defaultsAreAnH2FileInTheDataDirectoryWithTenConnections() {
    DatabaseSettings s = DatabaseSettings.fromConfig(
        ConfigFactory.load().getConfig("hearth.storage"), DATA);
    assertEquals(DatabaseSettings.Kind.H2, s.kind());
    assertEquals("jdbc:h2:file:/var/lib/hearth/hearth;DB_CLOSE_ON_EXIT=FALSE", s.url());
    assertEquals("", s.user());
    assertEquals("", s.password());
    assertEquals(10, s.poolSize());
    assertEquals(DatabaseSettings.h2(DATA), s);
  }

  @Test
  void missingKeysTakeTheReferenceDefaults() {
    assertEquals(DatabaseSettings.h2(DATA), DatabaseSettings.fromConfig(ConfigFactory.empty(), DATA));
  }

  @Test
  void relativeDataDirectoryBecomesAbsoluteInTheH2Url() {
    String url = DatabaseSettings.h2(Path.of("data")).url();
    assertTrue(url.startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath()), url);
  }

  @Test
  void readsPostgresqlWithUrlCredentialsAndPoolSize() {
    DatabaseSettings s = DatabaseSettings.fromConfig(storage("""
        kind = postgresql
        url = "jdbc:postgresql://db.example.net:5432/hearth"
        user = hearth
        password = "s3cret"
        pool-size = 4
        """), DATA);
    assertEquals(new DatabaseSettings(DatabaseSettings.Kind.POSTGRES,
        "jdbc:postgresql://db.example.net:5432/hearth", "hearth", "s3cret", 4), s);
    assertFalse(s.toString().contains("s3cret"), "password must not appear in toString");
  }

  @Test
  void postgresqlWithoutUrlFailsNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseSettings.fromConfig(storage("kind = postgresql"), DATA));
    assertTrue(e.getMessage().contains("hearth.storage.url"), e.getMessage());
    assertTrue(e.getMessage().contains("postgresql"), e.getMessage());
  }

  @Test
  void unknownKindFailsListingTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseSettings.fromConfig(storage("kind = mysql"), DATA));
    assertTrue(e.getMessage().contains("hearth.storage.kind"), e.getMessage());
    assertTrue(e.getMessage().contains("\"h2\" or \"postgresql\""), e.getMessage());
    assertTrue(e.getMessage().contains("mysql"), e.getMessage());
  }

  @Test
  void urlOfTheWrongDatabaseFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseSettings.fromConfig(storage("url = \"jdbc:postgresql://localhost/hearth\""), DATA));
    assertTrue(e.getMessage().contains("jdbc:h2:"), e.getMessage());
  }

  @Test
  void poolSizeBelowOneFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseSettings.fromConfig(storage("pool-size = 0"), DATA));
    assertTrue(e.getMessage().contains("hearth.storage.pool-size"), e.getMessage());
  }

  @Test
  void poolSizeThatIsNotANumberFails() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseSettings.fromConfig(storage("pool-size = ten"), DATA));
    assertTrue(e.getMessage().contains("pool-size"), e.getMessage());
  }
}
