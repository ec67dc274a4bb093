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

    private static final int MAX_ADDRESSES = 100_000;
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
        Failures f = byAddress.compute(key(address), (k, old) ->
                old == null || expired(old, now) ? new Failures(1, now) : new Failures(old.count() + 1, old.first()));
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.values().removeIf(v -> expired(v, now));
            if (byAddress.size() > MAX_ADDRESSES) {
                byAddress.clear(); // memory stays bounded; an attack from this many addresses is not stopped here
            }
        }
        return f.count();
    }

    /**
     * A success does not clear the address: otherwise anyone with an account could reset the
     * count between guesses at someone else's password. Failures expire with the window.
     */
    public void succeeded(String address) {
        // intentionally nothing; kept so that callers state the outcome and the policy lives here
    }

    private Failures current(String address) {
        String key = key(address);
        Failures f = byAddress.get(key);
        if (f != null && expired(f, clock.instant())) {
            byAddress.remove(key, f);
            return null;
        }
        return f;
    }

    /** IPv6 addresses count by their /64 network: one host can have a whole /64 to rotate through. */
    static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] b = java.net.InetAddress.getByName(address).getAddress();
            return b.length == 16 ? java.util.HexFormat.of().formatHex(b, 0, 8) + "::/64" : address;
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private boolean expired(Failures f, Instant now) {
        return f.first().plus(settings.window()).isBefore(now);
    }
}
