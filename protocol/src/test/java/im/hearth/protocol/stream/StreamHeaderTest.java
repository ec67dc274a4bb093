package im.hearth.protocol.stream;

import static im.hearth.protocol.stream.StreamFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.protocol.xml.Namespaces;
import org.junit.jupiter.api.Test;

class StreamHeaderTest {

    @Test
    void writesTheOpenTagWithOnlyPresentAttributes() {
        StreamHeader header = new StreamHeader("juliet@example.com", "example.com", "++TR84Sm6A3hnt3Q065SnAbbk3Y=",
                "1.0", "en", Namespaces.CLIENT);
        assertEquals("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams' to='juliet@example.com' from='example.com'"
                + " id='++TR84Sm6A3hnt3Q065SnAbbk3Y=' version='1.0' xml:lang='en'>", header.toXml());
        assertEquals("<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>",
                new StreamHeader(null, null, null, null, null, Namespaces.SERVER).toXml());
    }

    @Test
    void parsesBackWhatItWritesIncludingEscapedValues() throws Exception {
        StreamHeader header = new StreamHeader("a'b\"c<d>&e", "example.com", "id\t1", "1.0", "de", Namespaces.CLIENT);
        assertEquals(new StreamEvent.Open(header), StreamFixtures.parseWhole(bytes(header.toXml())).get(0));
    }
}
