package im.hearth.protocol.feature.last;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class LastActivityTest {

    @Test
    void roundTripsWithAndWithoutStatus() {
        LastActivity uptime = new LastActivity(123456, null);
        String xml = XmlWriter.write(uptime.toElement()).replace('"', '\'');
        assertEquals("<query xmlns='jabber:iq:last' seconds='123456'/>", xml);
        assertEquals(uptime, LastActivity.parse(XmlReader.parse(xml)).orElseThrow());
        LastActivity gone = new LastActivity(903, "Heading Home");
        assertEquals(gone, LastActivity.parse(gone.toElement()).orElseThrow());
    }

    @Test
    void secondsAreRequiredAndNotNegative() {
        assertTrue(LastActivity.parse(XmlReader.parse("<query xmlns='jabber:iq:last'/>")).isEmpty());
        assertTrue(LastActivity.parse(XmlReader.parse("<query xmlns='jabber:iq:last' seconds='-1'/>")).isEmpty());
    }
}
