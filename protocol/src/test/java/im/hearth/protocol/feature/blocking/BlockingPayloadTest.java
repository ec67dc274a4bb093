package im.hearth.protocol.feature.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockingPayloadTest {

    private static void roundTrips(BlockingPayload p, String expected) {
        String xml = XmlWriter.write(p.toElement()).replace('"', '\'');
        assertEquals(expected, xml);
        assertEquals(p, BlockingPayload.parse(XmlReader.parse(xml)).orElseThrow());
    }

    @Test
    void blocklistResultRoundTrips() { // XEP-0191 example 4
        roundTrips(BlockingPayload.blocklist(List.of("romeo@montague.net", "iago@shakespeare.lit")),
                "<blocklist xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/>"
                        + "<item jid='iago@shakespeare.lit'/></blocklist>");
    }

    @Test
    void emptyBlocklistRequestRoundTrips() { // examples 3 and 5
        roundTrips(BlockingPayload.blocklist(List.of()), "<blocklist xmlns='urn:xmpp:blocking'/>");
    }

    @Test
    void blockRoundTrips() { // example 6
        roundTrips(BlockingPayload.block(List.of("romeo@montague.net")),
                "<block xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/></block>");
    }

    @Test
    void unblockWithItemsAndUnblockAllRoundTrip() { // examples 12 and 16
        roundTrips(BlockingPayload.unblock(List.of("romeo@montague.net")),
                "<unblock xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/></unblock>");
        roundTrips(BlockingPayload.unblock(List.of()), "<unblock xmlns='urn:xmpp:blocking'/>");
    }

    @Test
    void rejectsAnItemWithoutJidAndForeignElements() {
        assertTrue(BlockingPayload.parse(XmlReader.parse("<block xmlns='urn:xmpp:blocking'><item/></block>")).isEmpty());
        assertTrue(BlockingPayload.parse(XmlReader.parse("<block xmlns='urn:xmpp:other'/>")).isEmpty());
        assertTrue(BlockingPayload.parse(XmlReader.parse("<blocked xmlns='urn:xmpp:blocking'/>")).isEmpty());
    }

    @Test
    void blockedConditionIsInTheErrorsNamespace() {
        assertEquals("<blocked xmlns='urn:xmpp:blocking:errors'/>",
                XmlWriter.write(BlockingPayload.blockedCondition()).replace('"', '\''));
    }
}
