package im.hearth.actors.feature.register;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegistrationLimitTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsTheConfiguredNumberPerAddressPerHour() {
        RegistrationLimit limit = new RegistrationLimit(2, clock);
        assertTrue(limit.tryTake("192.0.2.1"));
        assertTrue(limit.tryTake("192.0.2.1"));
        assertFalse(limit.tryTake("192.0.2.1"));
        assertTrue(limit.tryTake("192.0.2.2"), "other addresses have their own count");
        now = now.plus(Duration.ofMinutes(61));
        assertTrue(limit.tryTake("192.0.2.1"), "an hour later the address may register again");
    }

    @Test
    void aFailedRegistrationIsGivenBack() {
        RegistrationLimit limit = new RegistrationLimit(1, clock);
        assertTrue(limit.tryTake("192.0.2.1"));
        limit.giveBack("192.0.2.1");
        assertTrue(limit.tryTake("192.0.2.1"));
        assertFalse(limit.tryTake("192.0.2.1"));
    }

    @Test
    void settingsAreOffByDefault() {
        RegistrationSettings s = RegistrationSettings.fromConfig(com.typesafe.config.ConfigFactory.defaultReference());
        assertFalse(s.allow());
        assertTrue(s.perAddressPerHour() > 0);
    }
}
