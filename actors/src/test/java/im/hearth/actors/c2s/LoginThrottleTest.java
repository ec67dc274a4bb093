package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.actors.auth.LoginThrottle;
import im.hearth.actors.config.HearthSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-address login throttle ({@link LoginThrottle}, in package auth), on a clock moved by hand. */
class LoginThrottleTest {
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new HearthSettings.LoginThrottle(
            2, Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofSeconds(1)), clock);

    @Test
    void anAddressWithoutFailuresIsNotDelayed() {
        assertEquals(Duration.ZERO, throttle.delayFor(A));
    }

    @Test
    void theFreeFailuresCostNothingThenTheDelayDoublesUpToTheMaximum() {
        assertEquals(1, throttle.failed(A));
        assertEquals(Duration.ZERO, throttle.delayFor(A));
        assertEquals(2, throttle.failed(A));
        assertEquals(Duration.ZERO, throttle.delayFor(A));
        throttle.failed(A);
        assertEquals(Duration.ofMillis(200), throttle.delayFor(A));
        throttle.failed(A);
        assertEquals(Duration.ofMillis(400), throttle.delayFor(A));
        throttle.failed(A);
        assertEquals(Duration.ofMillis(800), throttle.delayFor(A));
        throttle.failed(A);
        assertEquals(Duration.ofSeconds(1), throttle.delayFor(A));
        for (int i = 0; i < 100; i++) {
            throttle.failed(A); // no overflow of the doubling however many failures
        }
        assertEquals(Duration.ofSeconds(1), throttle.delayFor(A));
    }

    @Test
    void addressesAreCountedSeparately() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(A);
        }
        assertEquals(Duration.ZERO, throttle.delayFor(B));
        assertEquals(1, throttle.failed(B));
    }

    @Test
    void failuresExpireWithTheWindow() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(A);
        }
        clock.advance(Duration.ofMinutes(9));
        assertEquals(Duration.ofMillis(400), throttle.delayFor(A), "still within the window");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(Duration.ZERO, throttle.delayFor(A));
        assertEquals(1, throttle.failed(A), "a new window starts with the next failure");
    }

    @Test
    void aSuccessfulLoginDoesNotClearTheAddressSoAnAccountCannotResetTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(A);
        }
        Duration before = throttle.delayFor(A);
        throttle.succeeded(A);
        assertEquals(before, throttle.delayFor(A));
        assertEquals(5, throttle.failed(A));
    }

    @Test
    void ipv6AddressesOfOneSlash64CountTogether() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertEquals(throttle.delayFor("2001:db8:1:2::99"), throttle.delayFor("2001:db8:1:2:aaaa::1"));
        assertEquals(4, throttle.failed("2001:db8:1:2::abcd") - 1);
        assertEquals(Duration.ZERO, throttle.delayFor("2001:db8:1:3::1"));
    }
}
