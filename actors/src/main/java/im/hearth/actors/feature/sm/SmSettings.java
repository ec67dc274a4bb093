package im.hearth.actors.feature.sm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * The {@code hearth.c2s.stream-management} section (XEP-0198), read once at start-up.
 *
 * @param resumeTimeout how long a resumable session whose connection is gone waits to be resumed
 *                      (Prosody's smacks_hibernation_time); also the most a client may ask for
 * @param maxUnacked stanzas sent but not acknowledged a session keeps; more ends the session, its
 *                   archived messages going to offline storage
 * @param ackRequestEvery the server asks for an ack ({@code <r/>}) at the first unacknowledged
 *                        stanza and again after each this many more
 */
public record SmSettings(Duration resumeTimeout, int maxUnacked, int ackRequestEvery) {
    public static final SmSettings DEFAULTS = new SmSettings(Duration.ofDays(1), 1000, 5);

    public static SmSettings fromConfig(Config root) {
        String p = "hearth.c2s.stream-management.";
        Duration timeout = root.getDuration(p + "resume-timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.getSeconds() > 7L * 24 * 3600) {
            throw new ConfigException.BadValue(root.getValue(p + "resume-timeout").origin(), p + "resume-timeout",
                    "must be between 1s and 7d");
        }
        return new SmSettings(timeout, range(root, p + "max-unacked", 10, 100_000),
                range(root, p + "ack-request-every", 1, 10_000));
    }

    private static int range(Config c, String key, int min, int max) {
        int v = c.getInt(key);
        if (v < min || v > max) {
            throw new ConfigException.BadValue(c.getValue(key).origin(), key, "must be between " + min + " and " + max);
        }
        return v;
    }
}
