package im.hearth.protocol.feature.mam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.protocol.feature.rsm.ResultSet;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MamResultTest {

    @Test
    void resultMessageWrapsTheStanzaInForwarded() { // XEP-0313 example 3
        String xml = XmlWriter.write(MamResult.message("juliet@capulet.lit/chamber", "f27", "28482-98726-73623",
                Instant.parse("2010-07-10T23:08:25Z"),
                XmlReader.parse("<message xmlns='jabber:client' to='juliet@capulet.lit/balcony' "
                        + "from='romeo@montague.lit/orchard' type='chat'><body>Hi</body></message>"))).replace('"', '\'');
        assertEquals("<message xmlns='jabber:client' to='juliet@capulet.lit/chamber'>"
                + "<result xmlns='urn:xmpp:mam:2' queryid='f27' id='28482-98726-73623'>"
                + "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2010-07-10T23:08:25Z'/>"
                + "<message xmlns='jabber:client' to='juliet@capulet.lit/balcony' from='romeo@montague.lit/orchard' "
                + "type='chat'><body>Hi</body></message></forwarded></result></message>", xml);
    }

    @Test
    void finCarriesCompleteAndThePage() { // example 4
        String xml = XmlWriter.write(MamResult.fin(true, ResultSet.answer("a", "b", 2))).replace('"', '\'');
        assertEquals("<fin xmlns='urn:xmpp:mam:2' complete='true'><set xmlns='http://jabber.org/protocol/rsm'>"
                + "<first>a</first><last>b</last><count>2</count></set></fin>", xml);
    }
}
