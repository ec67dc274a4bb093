package im.hearth.actors.feature.privatexml;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * The {@code hearth.private} section, read once at start-up.
 *
 * @param maxBytes the most an account may keep in private XML storage, all elements together, in
 *                 bytes of their serialized UTF-8 form
 */
public record PrivateXmlSettings(int maxBytes) {
    public static final PrivateXmlSettings DEFAULTS = new PrivateXmlSettings(64 * 1024);

    public static PrivateXmlSettings fromConfig(Config root) {
        String key = "hearth.private.max-size";
        long v = root.getBytes(key);
        if (v < 1024 || v > 16L * 1024 * 1024) {
            throw new ConfigException.BadValue(root.getValue(key).origin(), key, "must be between 1k and 16m");
        }
        return new PrivateXmlSettings((int) v);
    }
}
