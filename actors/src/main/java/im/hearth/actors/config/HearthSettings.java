package im.hearth.actors.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import im.hearth.actors.feature.pep.PepSettings;
import im.hearth.actors.feature.privatexml.PrivateXmlSettings;
import im.hearth.actors.feature.push.PushSettings;
import im.hearth.actors.feature.vcard.VCardSettings;
import im.hearth.protocol.jid.BareJid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
        Admin admin,
        VCardSettings vcard,
        PrivateXmlSettings privateXml,
        PepSettings pep,
        List<String> admins,
        Modules modules,
        ServerInfo serverInfo,
        PushSettings push,
        im.hearth.actors.feature.mam.MamSettings archive) {

    public record Tls(String certificate, String key) {
        public boolean generated() {
            return certificate.isBlank() || key.isBlank();
        }
    }

    public record C2s(
            String bind,
            int starttlsPort,
            int directTlsPort,
            int backlog,
            boolean requireEncryption,
            Duration authTimeout,
            int maxAuthAttempts,
            int maxStanzaBytes,
            int maxDepth,
            int maxAttributes,
            int maxAttributeBytes,
            long maxOutboundQueueBytes,
            Optional<Duration> pingInterval,
            Duration pingTimeout,
            double presenceRate,
            int presenceBurst) {
    }

    /** Features switched off by name (Prosody's modules_disabled); checked against the catalogue at start-up. */
    public record Modules(Set<String> disabled) {
    }

    /**
     * What the server says about itself: the OS in XEP-0092 answers, XEP-0157 contact addresses by
     * kind (admin, abuse, ...), the welcome message for new accounts, the message of the day, and
     * whether admins hear of new accounts. Empty messages are off.
     */
    public record ServerInfo(boolean showOs, Map<String, List<String>> contactInfo, String welcomeMessage,
                             String motd, boolean watchRegistrations) {
    }

    public record LoginThrottle(int freeFailures, Duration window, Duration baseDelay, Duration maxDelay) {
    }

    public record Admin(String bind, int port) {
    }

    public static HearthSettings fromConfig(Config root) {
        try {
            List<String> hosts = root.getStringList("hearth.hosts").stream().map(String::trim).map(String::toLowerCase).toList();
            if (hosts.isEmpty() || hosts.stream().anyMatch(String::isEmpty)) {
                throw new ConfigException.BadValue("hearth.hosts", "at least one non-empty domain is required");
            }
            String c = "hearth.c2s.";
            C2s c2s = new C2s(
                    root.getString(c + "bind"),
                    port(root, c + "starttls-port"),
                    port(root, c + "direct-tls-port"),
                    range(root, c + "backlog", 1, 65535),
                    root.getBoolean(c + "require-encryption"),
                    positive(root, c + "auth-timeout"),
                    // RFC 6120 6.4.5: at least 2 and no more than 5 retries.
                    range(root, c + "max-auth-attempts", 2, 5),
                    (int) bytes(root, c + "max-stanza-size", 1024, Integer.MAX_VALUE),
                    range(root, c + "max-depth", 4, 1000),
                    range(root, c + "max-attributes", 4, 10_000),
                    (int) bytes(root, c + "max-attribute-size", 256, Integer.MAX_VALUE),
                    bytes(root, c + "max-outbound-queue", 4096, Long.MAX_VALUE),
                    durationOrOff(root, c + "ping-interval"),
                    positive(root, c + "ping-timeout"),
                    positiveRate(root, c + "presence-rate"),
                    range(root, c + "presence-burst", 1, 1_000_000));
            String t = "hearth.login-throttle.";
            LoginThrottle throttle = new LoginThrottle(
                    range(root, t + "free-failures", 0, 1000), positive(root, t + "window"),
                    positive(root, t + "base-delay"), positive(root, t + "max-delay"));
            return new HearthSettings(
                    hosts,
                    Path.of(root.getString("hearth.data-dir")).toAbsolutePath().normalize(),
                    new Tls(root.getString("hearth.tls.certificate"), root.getString("hearth.tls.key")),
                    c2s,
                    throttle,
                    new Admin(root.getString("hearth.admin.bind"), port(root, "hearth.admin.port")),
                    VCardSettings.fromConfig(root),
                    PrivateXmlSettings.fromConfig(root),
                    PepSettings.fromConfig(root),
                    admins(root, "hearth.admins"),
                    new Modules(Set.copyOf(root.getStringList("hearth.modules.disabled"))),
                    new ServerInfo(root.getBoolean("hearth.version.show-os"), contactInfo(root, "hearth.contact-info"),
                            root.getString("hearth.welcome-message").strip(), root.getString("hearth.motd").strip(),
                            root.getBoolean("hearth.watch-registrations")),
                    PushSettings.fromConfig(root),
                    im.hearth.actors.feature.mam.MamSettings.fromConfig(root));
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

    /** A duration, or {@code off} (also {@code false}, {@code none}) for none. */
    private static Optional<Duration> durationOrOff(Config c, String key) {
        String raw = c.getString(key).trim();
        if (raw.equals("off") || raw.equals("false") || raw.equals("none")) {
            return Optional.empty();
        }
        return Optional.of(positive(c, key));
    }

    private static List<String> admins(Config c, String key) {
        List<String> out = new ArrayList<>();
        for (String raw : c.getStringList(key)) {
            try {
                out.add(BareJid.parse(raw.trim()).toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException.BadValue(c.getValue(key).origin(), key, "'" + raw + "' is not a bare JID");
            }
        }
        return List.copyOf(out);
    }

    /** The kinds of address XEP-0157 section 2 registers; the key is the field's var without "-addresses". */
    public static final List<String> CONTACT_KINDS =
            List.of("abuse", "admin", "feedback", "sales", "security", "status", "support");

    private static Map<String, List<String>> contactInfo(Config c, String key) {
        Map<String, List<String>> out = new TreeMap<>();
        Config section = c.getConfig(key);
        for (String kind : section.root().keySet()) {
            if (!CONTACT_KINDS.contains(kind)) {
                throw new ConfigException.BadValue(c.getValue(key).origin(), key + "." + kind,
                        "unknown kind of contact address; known: " + CONTACT_KINDS);
            }
            List<String> uris = section.getStringList(kind).stream().map(String::trim).toList();
            for (String uri : uris) {
                // XEP-0157: the values are URIs (xmpp:, mailto:, https:, tel:, ...).
                if (!uri.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
                    throw new ConfigException.BadValue(c.getValue(key).origin(), key + "." + kind,
                            "'" + uri + "' is not a URI such as mailto:abuse@example.org or xmpp:admin@example.org");
                }
            }
            if (!uris.isEmpty()) {
                out.put(kind, uris);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static int port(Config c, String key) {
        int v = c.getInt(key);
        if (v < -1 || v > 65535) {
            throw new ConfigException.BadValue(c.getValue(key).origin(), key, "a port is -1 (off), 0 (any free port) or 1-65535");
        }
        return v;
    }

    private static int range(Config c, String key, int min, int max) {
        int v = c.getInt(key);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(c.getValue(key).origin(), key, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static double positiveRate(Config c, String key) {
        double v = c.getDouble(key);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ConfigException.BadValue(c.getValue(key).origin(), key, "must be a positive number (stanzas per second)");
        }
        return v;
    }

    private static long bytes(Config c, String key, long min, long max) {
        long v = c.getBytes(key);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(c.getValue(key).origin(), key, "must be between " + min + " and " + max + " bytes");
        }
        return v;
    }

    private static Duration positive(Config c, String key) {
        Duration d = c.getDuration(key);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException.BadValue(c.getValue(key).origin(), key, "must be a positive duration");
        }
        return d;
    }
}
