package im.hearth.actors.feature.push;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/**
 * The {@code hearth.push} section, read once at start-up.
 *
 * @param withSender whether notifications name the last message's sender (Prosody's push_notification_with_sender)
 * @param withBody   whether notifications carry the last message's body (Prosody's push_notification_with_body)
 * @param maxDevices the most registrations an account keeps; enabling one more removes the oldest
 */
public record PushSettings(boolean withSender, boolean withBody, int maxDevices) {
    public static final PushSettings DEFAULTS = new PushSettings(false, false, 5);

    public static PushSettings fromConfig(Config root) {
        String key = "hearth.push.max-devices";
        int max = root.getInt(key);
        if (max < 1 || max > 100) {
            throw new ConfigException.BadValue(root.getValue(key).origin(), key, "must be between 1 and 100");
        }
        return new PushSettings(root.getBoolean("hearth.push.with-sender"), root.getBoolean("hearth.push.with-body"), max);
    }
}
