package im.hearth.protocol.feature.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EntityTimeTest {

    @Test
    void exampleOfSection3RoundTrips() {
        EntityTime t = new EntityTime(Instant.parse("2006-12-19T17:58:35Z"), ZoneOffset.ofHours(-6));
        String xml = XmlWriter.write(t.toElement()).replace('"', '\'');
        assertEquals("<time xmlns='urn:xmpp:time'><tzo>-06:00</tzo><utc>2006-12-19T17:58:35Z</utc></time>", xml);
        assertEquals(t, EntityTime.parse(XmlReader.parse(xml)).orElseThrow());
    }

    @Test
    void utcOffsetIsWrittenAsPlusZero() {
        EntityTime t = new EntityTime(Instant.parse("2024-01-02T03:04:05.123Z"), ZoneOffset.UTC);
        assertEquals("+00:00", t.toElement().childText("tzo", EntityTime.NAMESPACE).orElseThrow());
        assertEquals(t, EntityTime.parse(t.toElement()).orElseThrow());
    }

    @Test
    void garbageIsRejected() {
        assertTrue(EntityTime.parse(XmlReader.parse(
                "<time xmlns='urn:xmpp:time'><tzo>soon</tzo><utc>yesterday</utc></time>")).isEmpty());
    }
}
