package im.hearth.actors.feature.pep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * The {@code hearth.pep} section, read once at start-up. Items are kept in the User entity's
 * memory (and snapshot), so each bound is a memory bound per account.
 *
 * @param maxItemBytes the largest item payload, in bytes of its serialized UTF-8 form
 * @param maxItems     the most items a node keeps; also what {@code pubsub#max_items = max} means
 * @param maxNodes     the most nodes an account may have
 */
public record PepSettings(int maxItemBytes, int maxItems, int maxNodes) {
    public static final PepSettings DEFAULTS = new PepSettings(128 * 1024, 256, 64);

    public static PepSettings fromConfig(Config root) {
        return new PepSettings((int) bytes(root, "hearth.pep.max-item-size", 1024, 16L * 1024 * 1024),
                range(root, "hearth.pep.max-items", 1, 10_000), range(root, "hearth.pep.max-nodes", 1, 10_000));
    }

    private static long bytes(Config root, String key, long min, long max) {
        long v = root.getBytes(key);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(root.getValue(key).origin(), key, "must be between 1k and 16m");
        }
        return v;
    }

    private static int range(Config root, String key, int min, int max) {
        int v = root.getInt(key);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(root.getValue(key).origin(), key,
                    "must be between " + min + " and " + max);
        }
        return v;
    }
}
