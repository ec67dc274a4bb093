package im.hearth.actors.feature.vcard;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * The {@code hearth.vcard} section, read once at start-up.
 *
 * @param maxBytes the largest vCard (vcard-temp or vCard4, photo included) an account may store, in
 *                 bytes of its serialized UTF-8 form
 */
public record VCardSettings(int maxBytes) {
    public static final VCardSettings DEFAULTS = new VCardSettings(192 * 1024);

    public static VCardSettings fromConfig(Config root) {
        String key = "hearth.vcard.max-size";
        long v = root.getBytes(key);
        if (v < 1024 || v > 16L * 1024 * 1024) {
            throw new ConfigException.BadValue(root.getValue(key).origin(), key, "must be between 1k and 16m");
        }
        return new VCardSettings((int) v);
    }
}
