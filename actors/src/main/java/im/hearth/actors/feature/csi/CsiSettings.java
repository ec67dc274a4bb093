package im.hearth.actors.feature.csi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * The {@code hearth.c2s.csi} section (XEP-0352), read once at start-up.
 *
 * @param maxHeld stanzas held back for an inactive client (after collapsing presence per sender);
 *                one more flushes them all
 */
public record CsiSettings(int maxHeld) {
    public static final CsiSettings DEFAULTS = new CsiSettings(100);

    public static CsiSettings fromConfig(Config root) {
        String key = "hearth.c2s.csi.max-held";
        int v = root.getInt(key);
        if (v < 1 || v > 10_000) {
            throw new ConfigException.BadValue(root.getValue(key).origin(), key, "must be between 1 and 10000");
        }
        return new CsiSettings(v);
    }
}
