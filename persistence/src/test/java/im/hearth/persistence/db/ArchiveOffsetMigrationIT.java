package im.hearth.persistence.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The upgrade from 16 archive projections (one per User tag) to one over every User event
 * (postgres/V5, h2/V7): the new one must not skip an event any old one had not indexed yet.
 */
class ArchiveOffsetMigrationIT {

  @RegisterExtension
  static final TestPostgres postgres = new TestPostgres();

  @TempDir
  static Path dataDirs;

  private static final AtomicInteger databases = new AtomicInteger();

  /** A new database migrated to the version before the change. */
  private static DatabaseSettings before(String kind) throws SQLException {
    int n = databases.incrementAndGet();
    DatabaseSettings settings = kind.equals("h2")
        ? DatabaseSettings.h2(dataDirs.resolve("db" + n))
        : postgres.newDatabase("offsets" + n, 1);
    Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(settings.url(), settings.user(), settings.password())
        .locations(Migrations.location(settings.kind()))
        .target(kind.equals("h2") ? "6" : "4")
        .load()
        .migrate();
    return settings;
  }

  private static void offset(DatabaseSettings db, String key, long offset) throws SQLException {
    try (Connection c = connect(db);
         PreparedStatement ps = c.prepareStatement("INSERT INTO \"pekko_projection_offset_store\" (\"projection_name\", "
             + "\"projection_key\", \"current_offset\", \"manifest\", \"mergeable\", \"last_updated\") "
             + "VALUES ('archive-index', ?, ?, 'SEQ', FALSE, ?)");
         PreparedStatement paused = c.prepareStatement("INSERT INTO \"pekko_projection_management\" "
             + "(\"projection_name\", \"projection_key\", \"paused\", \"last_updated\") VALUES ('archive-index', ?, FALSE, 1)")) {
      ps.setString(1, key);
      ps.setString(2, Long.toString(offset));
      ps.setLong(3, 1_000 + offset);
      ps.executeUpdate();
      paused.setString(1, key);
      paused.executeUpdate();
    }
  }

  /**
   * Every row of both tables, in key order: {@code offset <name> <key> <offset> <manifest>}, then
   * {@code management <name> <key>}.
   */
  private static List<String> rows(DatabaseSettings db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect(db);
         PreparedStatement offsets = c.prepareStatement("SELECT \"projection_name\", \"projection_key\", "
             + "\"current_offset\", \"manifest\" FROM \"pekko_projection_offset_store\" ORDER BY \"projection_key\"");
         PreparedStatement management = c.prepareStatement("SELECT \"projection_name\", \"projection_key\" "
             + "FROM \"pekko_projection_management\" ORDER BY \"projection_key\"");
         ResultSet o = offsets.executeQuery();
         ResultSet m = management.executeQuery()) {
      while (o.next()) {
        rows.add("offset " + o.getString(1) + " " + o.getString(2) + " " + o.getString(3) + " " + o.getString(4));
      }
      while (m.next()) {
        rows.add("management " + m.getString(1) + " " + m.getString(2));
      }
    }
    return rows;
  }

  private static Connection connect(DatabaseSettings db) throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void theOneProjectionStartsWhereTheSlowestOfTheSixteenWas(String kind) throws SQLException {
    DatabaseSettings db = before(kind);
    for (int tag = 0; tag < 16; tag++) {
      // user-7 is the slowest; offsets past 9 would sort before it as text.
      offset(db, "user-" + tag, tag == 7 ? 9 : 1_000 + 37 * tag);
    }
    Migrations.migrate(db);
    assertEquals(List.of("offset archive-index users 9 SEQ"), rows(db));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void withoutAnOffsetForEveryTagTheOneProjectionStartsFromTheBeginning(String kind) throws SQLException {
    DatabaseSettings db = before(kind);
    for (int tag = 0; tag < 15; tag++) {
      offset(db, "user-" + tag, 500 + tag);
    }
    Migrations.migrate(db);
    assertEquals(List.of(), rows(db), "user-15 had indexed nothing: no offset may be carried over");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aNewDatabaseHasNoOffset(String kind) throws SQLException {
    DatabaseSettings db = before(kind);
    Migrations.migrate(db);
    assertEquals(List.of(), rows(db));
  }
}
