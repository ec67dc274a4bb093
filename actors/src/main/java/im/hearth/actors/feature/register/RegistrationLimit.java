package im.hearth.actors.feature.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How many accounts each address created within the last hour, node-local and in memory (a
 * restart forgets; on a cluster each node counts its own connections). Thread-safe.
 */
final class RegistrationLimit {
    private static final Duration WINDOW = Duration.ofHours(1);
    private final int perHour;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

    RegistrationLimit(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Takes one registration for this address if it has any left in the window. */
    synchronized boolean tryTake(String address) {
        Instant now = clock.instant();
        forgetOld(now);
        Deque<Instant> times = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Gives one back (the registration failed, e.g. a taken username: not worth counting). */
    synchronized void giveBack(String address) {
        Deque<Instant> times = byAddress.get(address);
        if (times != null && !times.isEmpty()) {
            times.removeLast();
        }
    }

    private void forgetOld(Instant now) {
        Instant cutoff = now.minus(WINDOW);
        for (Iterator<Deque<Instant>> it = byAddress.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
                times.removeFirst();
            }
            if (times.isEmpty()) {
                it.remove();
            }
        }
    }
}
