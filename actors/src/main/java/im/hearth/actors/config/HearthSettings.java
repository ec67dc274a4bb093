package im.hearth.actors.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The server's settings, read once at start-up from the {@code hearth} section (documented key by
 * key in the actors module's {@code reference.conf}); a bad value fails the start with the key's name.
 */
public record HearthSettings(
        List<String> hosts,
        Path dataDir,
        Tls tls,
        C2s c2s,
        LoginThrottle loginThrottle,
        Admin admin) {

    public record Tls(String certificate, String key) {
        public boolean generated() {
            return certificate.isBlank() || key.isBlank();
        }
    }

    public record C2s(
            String bind,
            int starttlsPort,
            int directTlsPort,
            boolean requireEncryption,
            Duration authTimeout,
            int maxAuthAttempts,
            int maxStanzaBytes,
            int maxDepth,
            int maxAttributes,
            int maxAttributeBytes,
            long maxOutboundQueueBytes) {
    }

    public record LoginThrottle(int freeFailures, Duration window, Duration baseDelay, Duration maxDelay) {
    }

    public record Admin(String bind, int port) {
    }

    public static HearthSettings fromConfig(Config root) {
        Config h = root.getConfig("hearth");
        try {
            List<String> hosts = h.getStringList("hosts").stream().map(String::trim).map(String::toLowerCase).toList();
            if (hosts.isEmpty() || hosts.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException.BadValue("hearth.hosts", "at least one non-empty domain is required");
            }
            Config c = h.getConfig("c2s");
            C2s c2s = new C2s(
                    c.getString("bind"),
                    port(c, "starttls-port"),
                    port(c, "direct-tls-port"),
                    c.getBoolean("require-encryption"),
                    positive(c, "auth-timeout"),
                    range(c, "max-auth-attempts", 1, 5),
                    (int) bytes(c, "max-stanza-size", 1024, Integer.MAX_VALUE),
                    range(c, "max-depth", 4, 1000),
                    range(c, "max-attributes", 4, 10_000),
                    (int) bytes(c, "max-attribute-size", 256, Integer.MAX_VALUE),
                    bytes(c, "max-outbound-queue", 4096, Long.MAX_VALUE));
            Config t = h.getConfig("login-throttle");
            LoginThrottle throttle = new LoginThrottle(
                    range(t, "free-failures", 0, 1000), positive(t, "window"), positive(t, "base-delay"),
                    positive(t, "max-delay"));
            Config a = h.getConfig("admin");
            return new HearthSettings(
                    hosts,
                    Path.of(h.getString("data-dir")).toAbsolutePath().normalize(),
                    new Tls(h.getString("tls.certificate"), h.getString("tls.key")),
                    c2s,
                    throttle,
                    new Admin(a.getString("bind"), port(a, "port")));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("bad configuration: " + e.getMessage(), e);
        }
    }

    /** The first hosted domain: the default for the CLI and the name on the generated certificate. */
    public String defaultHost() {
        return hosts.get(0);
    }

    public boolean hosts(String domain) {
        return hosts.contains(domain);
    }

    private static int port(Config c, String key) {
        int v = c.getInt(key);
        if (v < -1 || v > 65535) {
            throw new ConfigException.BadValue(c.origin(), key, "a port is -1 (off), 0 (any free port) or 1-65535");
        }
        return v;
    }

    private static int range(Config c, String key, int min, int max) {
        int v = c.getInt(key);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(c.origin(), key, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static long bytes(Config c, String key, long min, long max) {
        long v = c.getBytes(key);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(c.origin(), key, "must be between " + min + " and " + max + " bytes");
        }
        return v;
    }

    private static Duration positive(Config c, String key) {
        Duration d = c.getDuration(key);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException.BadValue(c.origin(), key, "must be a positive duration");
        }
        return d;
    }
}
