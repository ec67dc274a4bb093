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
     * The environment variables a node reads and the keys they set. reference.conf names each next
     * to its key ({@code key = ${?VAR}}), but there they sit below the user's file; this layer puts
     * them above it, as documented.
     */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "HEARTH_DATA", "hearth.data-dir",
            "HEARTH_TLS_CERTIFICATE", "hearth.tls.certificate",
            "HEARTH_TLS_KEY", "hearth.tls.key",
            "HEARTH_C2S_BIND", "hearth.c2s.bind",
            "HEARTH_C2S_PORT", "hearth.c2s.starttls-port",
            "HEARTH_C2S_DIRECT_TLS_PORT", "hearth.c2s.direct-tls-port",
            "HEARTH_CLUSTER_HOST", "hearth.cluster.hostname",
            "HEARTH_CLUSTER_PORT", "hearth.cluster.port");

    /**
     * @param dataDir    the data folder chosen on the command line, or null for HEARTH_DATA / the file / "data"
     * @param configFile the user's configuration file, or null
     * @param overrides  further settings that win over everything (tests use this for ports)
     */
    /** The Pekko settings of a node (cluster provider, sharding, logging), above every reference.conf. */
    private static final Config NODE = ConfigFactory.parseResources(HearthConfig.class.getClassLoader(), "hearth-node.conf");

    public static Config load(Path dataDir, Path configFile, Config overrides) {
        return load(dataDir, configFile, overrides, System.getenv());
    }

    /** As {@link #load(Path, Path, Config)}, with the environment given (tests). */
    public static Config load(Path dataDir, Path configFile, Config overrides, Map<String, String> env) {
        Config top = overrides == null ? ConfigFactory.empty() : overrides;
        if (dataDir != null) {
            top = top.withFallback(ConfigFactory.parseMap(Map.of("hearth.data-dir", dataDir.toAbsolutePath().toString())));
        }
        top = top.withFallback(environment(env));
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
                .withFallback(NODE)
                .withFallback(reference)
                .resolve();
    }

    private static Config environment(Map<String, String> env) {
        Config layer = ConfigFactory.empty("environment variables");
        for (Map.Entry<String, String> e : ENVIRONMENT.entrySet()) {
            String value = env.get(e.getKey());
            if (value != null && !value.isBlank()) {
                layer = layer.withValue(e.getValue(), ConfigValueFactory.fromAnyRef(value.trim(), e.getKey()));
            }
        }
        String domain = env.get("HEARTH_DOMAIN");
        if (domain != null && !domain.isBlank()) {
            layer = layer.withValue("hearth.hosts", ConfigValueFactory.fromIterable(List.of(domain.trim()), "HEARTH_DOMAIN"));
        }
        return layer;
    }

    public static DatabaseSettings database(Config config) {
        Path data = Path.of(config.getString("hearth.data-dir")).toAbsolutePath().normalize();
        return DatabaseSettings.fromConfig(config.getConfig("hearth.storage"), data);
    }
}
