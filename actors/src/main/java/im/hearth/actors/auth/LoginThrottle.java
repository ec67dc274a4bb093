package im.hearth.actors.auth;

import im.hearth.actors.config.HearthSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a number of failed logins from one address within a window,
 * each further attempt from that address waits, twice as long per failure, up to a maximum.
 * One instance per node, shared by its listeners; entries expire with the window.
 */
public final class LoginThrottle {
    private record Failures(int count, Instant first) {
    }

    private final HearthSettings.LoginThrottle settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(HearthSettings.LoginThrottle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long an attempt from this address must wait before it is looked at. */
    public Duration delayFor(String address) {
        Failures f = current(address);
        int over = f == null ? 0 : f.count() - settings.freeFailures();
        if (over <= 0) {
            return Duration.ZERO;
        }
        long millis = settings.baseDelay().toMillis() << Math.min(over - 1, 20);
        return Duration.ofMillis(Math.min(millis, settings.maxDelay().toMillis()));
    }

    /** Records a failure; returns the number of failures from this address within the window. */
    public int failed(String address) {
        Instant now = clock.instant();
        Failures f = byAddress.compute(address, (k, old) ->
                old == null || expired(old, now) ? new Failures(1, now) : new Failures(old.count() + 1, old.first()));
        if (byAddress.size() > 100_000) {
            byAddress.values().removeIf(v -> expired(v, now));
        }
        return f.count();
    }

    public void succeeded(String address) {
        byAddress.remove(address);
    }

    private Failures current(String address) {
        Failures f = byAddress.get(address);
        if (f != null && expired(f, clock.instant())) {
            byAddress.remove(address, f);
            return null;
        }
        return f;
    }

    private boolean expired(Failures f, Instant now) {
        return f.first().plus(settings.window()).isBefore(now);
    }
}
