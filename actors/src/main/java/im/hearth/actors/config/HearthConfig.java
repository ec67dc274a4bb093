package im.hearth.actors.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import im.hearth.persistence.db.DatabaseSettings;
import im.hearth.persistence.db.PekkoPersistenceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the one configuration a node runs with. Highest first: command-line choices (the data
 * folder), environment variables ({@code HEARTH_DATA}, {@code HEARTH_DOMAIN} and those named in
 * reference.conf), the user's file ({@code --config FILE}, else {@code DATA/hearth.conf} when it
 * exists), the database overlay for Pekko Persistence, and the modules' reference.conf files.
 */
public final class HearthConfig {

    private HearthConfig() {
    }

    /**
     * @param dataDir    the data folder chosen on the command line, or null for HEARTH_DATA / the file / "data"
     * @param configFile the user's configuration file, or null
     * @param overrides  further settings that win over everything (tests use this for ports)
     */
    public static Config load(Path dataDir, Path configFile, Config overrides) {
        Map<String, String> env = System.getenv();
        Config top = overrides == null ? ConfigFactory.empty() : overrides;
        if (dataDir != null) {
            top = top.withFallback(ConfigFactory.parseMap(Map.of("hearth.data-dir", dataDir.toAbsolutePath().toString())));
        }
        String domain = env.get("HEARTH_DOMAIN");
        if (domain != null && !domain.isBlank() && !top.hasPath("hearth.hosts")) {
            top = top.withFallback(ConfigFactory.empty().withValue("hearth.hosts",
                    ConfigValueFactory.fromIterable(List.of(domain.trim()))));
        }
        Config reference = ConfigFactory.defaultReference();
        Config base = top.withFallback(reference).resolve();
        Path file = configFile;
        if (file == null) {
            Path candidate = Path.of(base.getString("hearth.data-dir")).resolve("hearth.conf");
            file = Files.isRegularFile(candidate) ? candidate : null;
        }
        Config user = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("configuration file not found: " + file);
            }
            user = ConfigFactory.parseFile(file.toFile());
        }
        Config withoutDb = top.withFallback(user).withFallback(reference).resolve();
        Path data = Path.of(withoutDb.getString("hearth.data-dir")).toAbsolutePath().normalize();
        DatabaseSettings db = DatabaseSettings.fromConfig(withoutDb.getConfig("hearth.storage"), data);
        return top.withFallback(user)
                .withFallback(PekkoPersistenceConfig.forDatabase(db))
                .withFallback(reference)
                .resolve();
    }

    public static DatabaseSettings database(Config config) {
        Path data = Path.of(config.getString("hearth.data-dir")).toAbsolutePath().normalize();
        return DatabaseSettings.fromConfig(config.getConfig("hearth.storage"), data);
    }
}
