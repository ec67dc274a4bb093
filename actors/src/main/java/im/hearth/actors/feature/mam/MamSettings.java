package im.hearth.actors.feature.mam;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code hearth.archive} section, read once at start-up.
 *
 * @param defaultPageSize results per page when a query has no XEP-0059 {@code max}
 * @param maxPageSize     the most results of one page; a larger {@code max} is capped to it
 * @param expiresAfter    how long a message stays in the archive; empty for ever
 * @param sweepInterval   how often the retention sweep looks for expired messages
 */
public record MamSettings(int defaultPageSize, int maxPageSize, Optional<Duration> expiresAfter,
                          Duration sweepInterval) {

    public static MamSettings fromConfig(Config root) {
        String p = "hearth.archive.";
        int max = root.getInt(p + "max-page-size");
        int def = root.getInt(p + "default-page-size");
        if (max < 1 || max > 10_000) {
            throw new ConfigException.BadValue(p + "max-page-size", "must be between 1 and 10000");
        }
        if (def < 1 || def > max) {
            throw new ConfigException.BadValue(p + "default-page-size", "must be between 1 and max-page-size");
        }
        String expires = root.getString(p + "expires-after").trim();
        Optional<Duration> expiresAfter = expires.equals("never") ? Optional.empty()
                : Optional.of(root.getDuration(p + "expires-after"));
        if (expiresAfter.isPresent() && (expiresAfter.get().isNegative() || expiresAfter.get().isZero())) {
            throw new ConfigException.BadValue(p + "expires-after", "must be positive or \"never\"");
        }
        Duration sweep = root.getDuration(p + "sweep-interval");
        if (sweep.isNegative() || sweep.isZero()) {
            throw new ConfigException.BadValue(p + "sweep-interval", "must be positive");
        }
        return new MamSettings(def, max, expiresAfter, sweep);
    }

    /** The page size of a request: the default when absent, never above the cap. */
    public int pageSize(Integer requested) {
        return requested == null ? defaultPageSize : Math.min(requested, maxPageSize);
    }
}
