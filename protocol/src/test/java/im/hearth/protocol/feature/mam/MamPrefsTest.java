package im.hearth.protocol.feature.mam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MamPrefsTest {

    @Test
    void prefsRoundTrip() { // XEP-0441 example 3
        MamPrefs p = new MamPrefs(MamPrefs.Default.ROSTER, List.of("romeo@montague.lit"),
                List.of("montague@montague.lit"));
        String xml = XmlWriter.write(p.toElement()).replace('"', '\'');
        assertEquals("<prefs xmlns='urn:xmpp:mam:2' default='roster'><always><jid>romeo@montague.lit</jid></always>"
                + "<never><jid>montague@montague.lit</jid></never></prefs>", xml);
        assertEquals(p, MamPrefs.parse(XmlReader.parse(xml)).orElseThrow());
    }

    @Test
    void rejectsUnknownDefault() {
        assertTrue(MamPrefs.parse(XmlReader.parse("<prefs xmlns='urn:xmpp:mam:2' default='sometimes'/>")).isEmpty());
        assertTrue(MamPrefs.parse(XmlReader.parse("<prefs xmlns='urn:xmpp:mam:2'/>")).isEmpty());
    }
}
