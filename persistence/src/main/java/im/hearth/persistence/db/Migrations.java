package im.hearth.persistence.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database schema to the version this build expects, with Flyway. Run on every
 * start before the actor system touches the journal; a database already at that version is
 * left as it is.
 *
 * <p>Scripts live per vendor in {@value #H2_LOCATION} and {@value #POSTGRES_LOCATION}, named
 * {@code V<n>__<what>.sql}; an applied script never changes, a change is a new version.
 */
public final class Migrations {

  public static final String H2_LOCATION = "classpath:db/migration/h2";
  public static final String POSTGRES_LOCATION = "classpath:db/migration/postgres";

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * Applies every pending migration.
   *
   * @throws org.flywaydb.core.api.FlywayException if the database cannot be reached or a
   *     migration fails; the node must not start then
   */
  public static void migrate(DatabaseSettings settings) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(settings.url(), settings.user(), settings.password())
        .locations(location(settings.kind()))
        // A schema holding tables but no history is somebody else's: refuse it, don't adopt it.
        .baselineOnMigrate(false)
        .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    log.info("Database schema ({}) at version {}; {} migration(s) applied now",
        settings.kind().configName(),
        current == null ? "none" : current.getVersion(),
        result.migrationsExecuted);
  }

  static String location(DatabaseSettings.Kind kind) {
    return switch (kind) {
      case H2 -> H2_LOCATION;
      case POSTGRES -> POSTGRES_LOCATION;
    };
  }
}
