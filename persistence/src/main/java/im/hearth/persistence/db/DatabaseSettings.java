package im.hearth.persistence.db;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the journal, the snapshots and the read sides live: the {@code hearth.storage} section
 * of the configuration, read once at start-up (keys and defaults in this module's
 * {@code reference.conf}).
 *
 * @param kind the database product
 * @param url the JDBC URL
 * @param user the database user ({@code ""} for none)
 * @param password the user's password ({@code ""} for none)
 * @param poolSize connections in the node's one pool, shared by journal, snapshots and queries
 */
public record DatabaseSettings(Kind kind, String url, String user, String password, int poolSize) {

  /** The supported database products. */
  public enum Kind {
    /** Embedded, one file under the data directory; for a single node. */
    H2("h2", "jdbc:h2:", "org.h2.Driver", "slick.jdbc.H2Profile$"),
    /** For production and clusters. */
    POSTGRES("postgresql", "jdbc:postgresql:", "org.postgresql.Driver", "slick.jdbc.PostgresProfile$");

    private final String configName;
    private final String urlPrefix;
    private final String driver;
    private final String slickProfile;

    Kind(String configName, String urlPrefix, String driver, String slickProfile) {
      this.configName = configName;
      this.urlPrefix = urlPrefix;
      this.driver = driver;
      this.slickProfile = slickProfile;
    }

    /** The value of {@code hearth.storage.kind} that selects this kind. */
    public String configName() {
      return configName;
    }

    /** The JDBC driver class. */
    public String driver() {
      return driver;
    }

    /** The Slick profile object pekko-persistence-jdbc needs, e.g. {@code slick.jdbc.H2Profile$}. */
    public String slickProfile() {
      return slickProfile;
    }

    static Kind fromConfigName(String name) {
      for (Kind kind : values()) {
        if (kind.configName.equals(name.trim().toLowerCase(Locale.ROOT))) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "hearth.storage.kind must be \"h2\" or \"postgresql\", was \"" + name + "\"");
    }
  }

  /** The pool size when none is configured. */
  public static final int DEFAULT_POOL_SIZE = 10;

  /**
   * Options of the default H2 URL: keep the database open until the journal's pool closes it
   * (H2's own shutdown hook would otherwise close it under the last journal writes).
   */
  static final String H2_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE";

  public DatabaseSettings {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("hearth.storage.url must not be empty for " + kind.configName);
    }
    if (!url.startsWith(kind.urlPrefix)) {
      throw new IllegalArgumentException(
          "hearth.storage.url must start with " + kind.urlPrefix + " for kind " + kind.configName + ", was " + url);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("hearth.storage.pool-size must be at least 1, was " + poolSize);
    }
  }

  /** The embedded default: an H2 file {@code hearth.mv.db} in {@code dataDir}. */
  public static DatabaseSettings h2(Path dataDir) {
    return new DatabaseSettings(Kind.H2, defaultH2Url(dataDir), "", "", DEFAULT_POOL_SIZE);
  }

  /** A PostgreSQL database at {@code url} ({@code jdbc:postgresql://host:port/db}). */
  public static DatabaseSettings postgres(String url, String user, String password) {
    return new DatabaseSettings(Kind.POSTGRES, url, user, password, DEFAULT_POOL_SIZE);
  }

  /**
   * Reads the {@code hearth.storage} section; keys missing from it take the defaults of this
   * module's {@code reference.conf}.
   *
   * @param storageSection the section itself, e.g. {@code config.getConfig("hearth.storage")}
   * @param dataDir the node's data directory, home of the default H2 file
   * @throws IllegalArgumentException on a missing or bad value, naming the key
   */
  public static DatabaseSettings fromConfig(Config storageSection, Path dataDir) {
    Config c = storageSection.withFallback(
        ConfigFactory.defaultReference(DatabaseSettings.class.getClassLoader()).getConfig("hearth.storage"));
    try {
      Kind kind = Kind.fromConfigName(c.getString("kind"));
      String url = c.getString("url").trim();
      if (url.isEmpty()) {
        if (kind == Kind.POSTGRES) {
          throw new IllegalArgumentException(
              "hearth.storage.url is required when kind = \"postgresql\" (e.g. jdbc:postgresql://localhost:5432/hearth)");
        }
        url = defaultH2Url(dataDir);
      }
      return new DatabaseSettings(kind, url, c.getString("user"), c.getString("password"), c.getInt("pool-size"));
    } catch (ConfigException e) {
      throw new IllegalArgumentException("bad hearth.storage configuration: " + e.getMessage(), e);
    }
  }

  private static String defaultH2Url(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    // H2 refuses paths implicitly relative to the working directory: make it absolute.
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("hearth") + H2_OPTIONS;
  }

  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "DatabaseSettings[kind=" + kind + ", url=" + url + ", user=" + user
        + ", password=" + (password.isEmpty() ? "" : "<hidden>") + ", poolSize=" + poolSize + "]";
  }
}
