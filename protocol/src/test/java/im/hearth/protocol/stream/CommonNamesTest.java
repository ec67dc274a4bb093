package im.hearth.protocol.stream;

import static im.hearth.protocol.stream.StreamFixtures.bytes;
import static im.hearth.protocol.stream.XmlStreamParserTest.child;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.aalto.async.AsyncByteScanner;
import com.fasterxml.aalto.in.ByteBasedPNameTable;
import com.fasterxml.aalto.stax.StreamReaderImpl;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The factory's shared name table is taught the usual names ({@link CommonNames}), so a reader of an
 * ordinary session keeps sharing it; a name outside it still parses, in a table of that reader's own,
 * and never reaches the shared one. Looked at through Aalto's internals (its name table is not public).
 */
class CommonNamesTest {

    private static final String LOGIN_AND_CHAT = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.net' version='1.0' xml:lang='en'>"
            + "<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>phone</resource></bind></iq>"
            + "<enable xmlns='urn:xmpp:sm:3' resume='true'/>"
            + "<presence><c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/><priority>5</priority></presence>"
            + "<message to='juliet@example.net' type='chat' id='m1'><body>hi</body>"
            + "<active xmlns='http://jabber.org/protocol/chatstates'/><request xmlns='urn:xmpp:receipts'/>"
            + "<origin-id xmlns='urn:xmpp:sid:0' id='o1'/></message><r xmlns='urn:xmpp:sm:3'/>";

    @Test
    void anOrdinarySessionKeepsSharingTheFactorysNameTable() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(LOGIN_AND_CHAT));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        for (String name : new String[] {"iq", "enable", "presence", "message", "r"}) {
            assertEquals(name, child(parser.next()).name());
        }
        assertNull(parser.next());
        assertFalse(ownTable(parser).maybeDirty(), "the reader copied the name table");
    }

    @Test
    void aNameOutsideTheTableIsKeptByThatReaderOnly() throws Exception {
        XmlStreamParser inventive = new XmlStreamParser(StreamLimits.defaults());
        inventive.feed(bytes(LOGIN_AND_CHAT + "<message><zz-invented-name-7/></message>"));
        StreamEvent event;
        String last = null;
        while ((event = inventive.next()) != null) {
            if (event instanceof StreamEvent.Child c) {
                last = c.element().elements().isEmpty() ? null : c.element().elements().get(0).name();
            }
        }
        assertEquals("zz-invented-name-7", last);
        assertTrue(ownTable(inventive).maybeDirty(), "a new name should be in the reader's own table");

        XmlStreamParser next = new XmlStreamParser(StreamLimits.defaults());
        next.feed(bytes(LOGIN_AND_CHAT));
        while (next.next() != null) {
            // drain
        }
        assertFalse(ownTable(next).maybeDirty(), "the next reader should start from the shared table again");
        next.feed(bytes("<message><zz-invented-name-7/></message>"));
        assertEquals("message", child(next.next()).name());
        assertTrue(ownTable(next).maybeDirty(), "one peer's name reached the shared table");
    }

    private static ByteBasedPNameTable ownTable(XmlStreamParser parser) throws ReflectiveOperationException {
        AsyncByteScanner scanner = (AsyncByteScanner) ((StreamReaderImpl) parser.reader()).getScanner();
        Field symbols = AsyncByteScanner.class.getDeclaredField("_symbols");
        symbols.setAccessible(true);
        return (ByteBasedPNameTable) symbols.get(scanner);
    }
}
