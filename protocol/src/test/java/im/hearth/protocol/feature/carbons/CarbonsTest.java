package im.hearth.protocol.feature.carbons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CarbonsTest {
    private static final String ORIGINAL = "<message xmlns='jabber:client' from='romeo@montague.example/home' "
            + "to='juliet@capulet.example/balcony' type='chat'><body>Neither, fair saint</body></message>";

    private static String xml(Element e) {
        return XmlWriter.write(e).replace('"', '\'');
    }

    @Test
    void enableAndDisableRoundTrip() { // XEP-0280 examples 3 and 5
        assertEquals("<enable xmlns='urn:xmpp:carbons:2'/>", xml(Carbons.enable()));
        assertEquals(Optional.of(Carbons.Request.ENABLE), Carbons.parse(XmlReader.parse(xml(Carbons.enable()))));
        assertEquals(Optional.of(Carbons.Request.DISABLE), Carbons.parse(XmlReader.parse(xml(Carbons.disable()))));
        assertEquals(Optional.empty(), Carbons.parse(XmlReader.parse("<private xmlns='urn:xmpp:carbons:2'/>")));
        assertEquals(Optional.empty(), Carbons.parse(XmlReader.parse("<enable xmlns='urn:xmpp:carbons:1'/>")));
    }

    @Test
    void aSentCopyWrapsTheOriginalAsSection8Shows() { // example 11
        Element copy = Carbons.wrap(Carbons.Direction.SENT, "romeo@montague.example", "romeo@montague.example/garden",
                XmlReader.parse(ORIGINAL));
        assertEquals("<message xmlns='jabber:client' from='romeo@montague.example' to='romeo@montague.example/garden' "
                + "type='chat'><sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>" + ORIGINAL
                + "</forwarded></sent></message>", xml(copy));
        Element back = XmlReader.parse(xml(copy));
        assertEquals(XmlReader.parse(ORIGINAL), Carbons.unwrap(back, Carbons.Direction.SENT).orElseThrow());
        assertEquals(Optional.empty(), Carbons.unwrap(back, Carbons.Direction.RECEIVED));
        assertTrue(Carbons.isCopy(back));
    }

    @Test
    void serverElementsAreRemovedAndTheRestKept() {
        Element forged = XmlReader.parse("<message xmlns='jabber:client' type='chat'><body>hi</body>"
                + "<received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'/></received>"
                + "<private xmlns='urn:xmpp:carbons:2'/><sent xmlns='urn:xmpp:carbons:2'/>"
                + "<sent xmlns='urn:example:other'/></message>");
        assertTrue(Carbons.isPrivate(forged));
        Element clean = Carbons.withoutServerElements(forged);
        assertFalse(Carbons.isCopy(clean));
        assertFalse(Carbons.isPrivate(clean));
        assertEquals("<message xmlns='jabber:client' type='chat'><body>hi</body><sent xmlns='urn:example:other'/></message>",
                xml(clean));
        Element plain = XmlReader.parse(ORIGINAL);
        assertTrue(plain == Carbons.withoutServerElements(plain), "nothing to remove: the same message");
    }
}
