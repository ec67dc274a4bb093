package im.hearth.protocol.feature.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class SoftwareVersionTest {

    @Test
    void roundTripsWithAndWithoutOs() {
        SoftwareVersion v = new SoftwareVersion("Hearth", "0.1.0", null);
        String xml = XmlWriter.write(v.toElement()).replace('"', '\'');
        assertEquals("<query xmlns='jabber:iq:version'><name>Hearth</name><version>0.1.0</version></query>", xml);
        assertEquals(v, SoftwareVersion.parse(XmlReader.parse(xml)).orElseThrow());
        SoftwareVersion os = new SoftwareVersion("Hearth", "0.1.0", "Linux");
        assertEquals(os, SoftwareVersion.parse(os.toElement()).orElseThrow());
    }

    @Test
    void aResultWithoutVersionIsRejected() {
        assertTrue(SoftwareVersion.parse(XmlReader.parse("<query xmlns='jabber:iq:version'><name>x</name></query>")).isEmpty());
    }
}
