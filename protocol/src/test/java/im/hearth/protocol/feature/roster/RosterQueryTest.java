package im.hearth.protocol.feature.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterQueryTest {

    @Test
    void pushRoundTripsThroughXml() {
        RosterQuery q = new RosterQuery("7", List.of(
                new RosterItem("juliet@example.com", "Juliet", List.of("Friends", "Capulets"), "to", true),
                new RosterItem("nurse@example.com", null, List.of(), "remove", false)));
        String xml = XmlWriter.write(q.toElement());
        assertEquals("<query xmlns='jabber:iq:roster' ver='7'><item jid='juliet@example.com' name='Juliet'"
                + " subscription='to' ask='subscribe'><group>Friends</group><group>Capulets</group></item>"
                + "<item jid='nurse@example.com' subscription='remove'/></query>", xml.replace('"', '\''));
        assertEquals(q, RosterQuery.parse(XmlReader.parse(xml)).orElseThrow());
    }

    @Test
    void duplicateGroupsCollapseAndAnItemWithoutJidIsRejected() {
        RosterQuery q = RosterQuery.parse(XmlReader.parse("<query xmlns='jabber:iq:roster'><item jid='a@b'>"
                + "<group>X</group><group>X</group></item></query>")).orElseThrow();
        assertEquals(List.of("X"), q.items().get(0).groups());
        assertTrue(RosterQuery.parse(XmlReader.parse("<query xmlns='jabber:iq:roster'><item name='x'/></query>")).isEmpty());
    }
}
