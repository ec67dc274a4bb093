package im.hearth.actors.feature.time;

import static im.hearth.actors.feature.ServerIqs.result;
import static im.hearth.actors.feature.ServerIqs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.protocol.feature.time.EntityTime;
import im.hearth.protocol.xml.Element;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeFeatureTest {

    @Test
    void answersUtcAndTheServersOffset() {
        Instant now = Instant.parse("2024-07-01T12:00:00Z");
        FeatureCatalogue c = new FeatureCatalogue(settings(""), Clock.fixed(now, ZoneId.of("Europe/Paris")));
        EntityTime t = EntityTime.parse(result(c, Element.of("time", EntityTime.NAMESPACE))).orElseThrow();
        assertEquals(now, t.utc());
        assertEquals(ZoneOffset.ofHours(2), t.tzo()); // summer time in Paris
    }
}
