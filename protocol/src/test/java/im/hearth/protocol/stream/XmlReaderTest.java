package im.hearth.protocol.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import org.junit.jupiter.api.Test;

/** Stored stanzas read back through a parser each thread reuses: no answer may leak into the next. */
class XmlReaderTest {

    private static String message(int i) {
        return "<message xmlns='jabber:client' to='bob@example.net' id='m" + i + "' type='chat'><body>hi &amp; "
                + i + "</body><stanza-id xmlns='urn:xmpp:sid:0' id='s" + i + "' by='bob@example.net'/></message>";
    }

    @Test
    void readsManyElementsInARowAcrossParserReplacements() {
        for (int i = 0; i < XmlReader.USES * 2 + 5; i++) {
            Element m = XmlReader.parse(message(i));
            assertEquals("m" + i, m.attr("id"));
            assertEquals("hi & " + i, m.childText("body", "jabber:client").orElseThrow());
        }
    }

    @Test
    void whatWasWrittenReadsBackEqual() {
        Element first = XmlReader.parse(message(1));
        assertEquals(first, XmlReader.parse(XmlWriter.write(first)));
    }

    @Test
    void malformedOrIncompleteInputIsRefusedAndTheNextReadIsUnaffected() {
        assertThrows(IllegalArgumentException.class, () -> XmlReader.parse("<message><body>x</message>"));
        assertEquals("m2", XmlReader.parse(message(2)).attr("id"));
        assertThrows(IllegalArgumentException.class, () -> XmlReader.parse("<message to='a'"));
        assertEquals("m3", XmlReader.parse(message(3)).attr("id"));
        assertThrows(IllegalArgumentException.class, () -> XmlReader.parse("</stream:stream>"));
        assertEquals("m4", XmlReader.parse(message(4)).attr("id"));
    }

    @Test
    void aSecondElementInTheTextNeverBecomesTheNextAnswer() {
        assertEquals("m5", XmlReader.parse(message(5) + message(6)).attr("id"));
        assertEquals("m7", XmlReader.parse(message(7)).attr("id"));
    }
}
