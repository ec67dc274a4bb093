package im.hearth.actors.feature.last;

import static im.hearth.actors.feature.ServerIqs.result;
import static im.hearth.actors.feature.ServerIqs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.protocol.feature.last.LastActivity;
import im.hearth.protocol.xml.Element;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LastFeatureTest {

    @Test
    void aQueryToTheServerAnswersItsUptime() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        FeatureCatalogue c = new FeatureCatalogue(settings(""), clock);
        now.set(now.get().plus(Duration.ofHours(2).plusSeconds(5)));
        LastActivity uptime = LastActivity.parse(result(c, Element.of("query", LastActivity.NAMESPACE))).orElseThrow();
        assertEquals(7205, uptime.seconds());
    }
}
