package im.hearth.protocol.stream;

import static im.hearth.protocol.stream.StreamFixtures.CLIENT_HEADER;
import static im.hearth.protocol.stream.StreamFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stanza.StreamErrorException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlStreamParserHostileInputTest {

    private static final StreamLimits SMALL = new StreamLimits(1000, 8, 10, 100, 500);

    @Test
    void mismatchedEndTagIsNotWellFormed() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, CLIENT_HEADER + "<message><body></message>");
    }

    @Test
    void invalidUtf8IsNotWellFormed() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0xC3, 0x28));
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0xFF));
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0x80));
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0xED, 0xA0, 0x80)); // a surrogate
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0xF4, 0x90, 0x80, 0x80)); // > U+10FFFF
    }

    @Test
    void overlongUtf8IsNotWellFormedEvenWhereItWouldDecodeToAllowedCharacters() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0xC0, 0xBC)); // '<'
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0xC0, 0x80)); // NUL
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, withBytesInBody(0xE0, 0x81, 0x81));
    }

    @Test
    void charactersOutsideXml10AreNotWellFormed() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, CLIENT_HEADER + "<message><body>\u0001</body></message>");
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, CLIENT_HEADER + "<message><body>&#1;</body></message>");
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, CLIENT_HEADER + "<message><body>&#0;</body></message>");
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, CLIENT_HEADER + "<message><body>\uFFFE</body></message>");
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, CLIENT_HEADER + "<message><body>&#xD800;</body></message>");
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, CLIENT_HEADER + "<message to='&#1;'/>");
    }

    @Test
    void eventsBeforeInvalidUtf8InTheSameChunkAreStillReturned() throws Exception {
        byte[] head = bytes(CLIENT_HEADER + "<presence/>");
        byte[] data = new byte[head.length + 1];
        System.arraycopy(head, 0, data, 0, head.length);
        data[head.length] = (byte) 0xFF;
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(data);
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertInstanceOf(StreamEvent.Child.class, parser.next());
        assertEquals(StreamErrorCondition.NOT_WELL_FORMED, assertThrows(StreamErrorException.class, parser::next).condition());
    }

    @Test
    void doctypeIsRestrictedXml() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, "<?xml version='1.0'?><!DOCTYPE stream:stream>" + CLIENT_HEADER);
        assertFails(StreamErrorCondition.RESTRICTED_XML,
                "<!DOCTYPE stream:stream SYSTEM 'http://127.0.0.1:1/evil.dtd'>" + CLIENT_HEADER);
    }

    @Test
    void internalEntityDeclarationIsRestrictedXml() {
        assertFails(StreamErrorCondition.RESTRICTED_XML,
                "<?xml version='1.0'?><!DOCTYPE s [<!ENTITY x 'y'>]>" + CLIENT_HEADER + "<message>&x;</message>");
    }

    @Test
    void billionLaughsFailsWithinTheDoctypeExpandingNothing() {
        StringBuilder doc = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        doc.append("<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>");
        for (int i = 2; i <= 9; i++) {
            doc.append("<!ENTITY lol").append(i).append(" '");
            doc.append(("&lol" + (i - 1) + ";").repeat(10)).append("'>");
        }
        doc.append("]>");
        int doctypeEnd = doc.length();
        doc.append(CLIENT_HEADER).append("<message><body>&lol9;</body></message>");
        byte[] data = bytes(doc.toString());

        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        int fed = 0;
        StreamErrorException error = null;
        while (error == null && fed < data.length) {
            parser.feed(data, fed++, 1);
            try {
                assertNull(parser.next(), "no event may come out of it");
            } catch (StreamErrorException e) {
                error = e;
            }
        }
        assertEquals(StreamErrorCondition.RESTRICTED_XML, error.condition());
        assertTrue(fed <= doctypeEnd, "failed only after " + fed + " bytes");
    }

    @Test
    void entityReferenceWithoutDeclarationIsRestrictedXml() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, CLIENT_HEADER + "<message><body>&lol9;</body></message>");
        assertFails(StreamErrorCondition.RESTRICTED_XML, CLIENT_HEADER + "<message to='&lol9;'/>");
    }

    @Test
    void processingInstructionIsRestrictedXml() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, CLIENT_HEADER + "<message><?php echo 1?></message>");
        assertFails(StreamErrorCondition.RESTRICTED_XML, "<?xml version='1.0'?><?evil x?>" + CLIENT_HEADER);
    }

    @Test
    void commentIsRestrictedXml() {
        assertFails(StreamErrorCondition.RESTRICTED_XML, CLIENT_HEADER + "<message><!-- hi --></message>");
        assertFails(StreamErrorCondition.RESTRICTED_XML, "<!-- hi -->" + CLIENT_HEADER);
        assertFails(StreamErrorCondition.RESTRICTED_XML, CLIENT_HEADER + "<!-- between stanzas -->");
    }

    @Test
    void encodingOtherThanUtf8IsUnsupported() {
        assertFails(StreamErrorCondition.UNSUPPORTED_ENCODING, "<?xml version='1.0' encoding='ISO-8859-1'?>" + CLIENT_HEADER);
        assertFails(StreamErrorCondition.UNSUPPORTED_ENCODING, "<?xml version='1.0' encoding='US-ASCII'?>" + CLIENT_HEADER);
    }

    @Test
    void utf8EncodingDeclarationIsAccepted() throws Exception {
        List<StreamEvent> events = StreamFixtures.parseWhole(bytes("<?xml version='1.0' encoding='utf-8'?>" + CLIENT_HEADER));
        assertInstanceOf(StreamEvent.Open.class, events.get(0));
    }

    @Test
    void xml11IsRefused() {
        assertFails(StreamErrorCondition.NOT_WELL_FORMED, "<?xml version='1.1'?>" + CLIENT_HEADER);
    }

    @Test
    void wrongStreamNamespaceIsInvalidNamespace() {
        assertFails(StreamErrorCondition.INVALID_NAMESPACE,
                "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/stream'>");
        assertFails(StreamErrorCondition.INVALID_NAMESPACE, "<message xmlns='jabber:client'>");
    }

    @Test
    void missingOrUnboundStreamPrefixIsBadNamespacePrefix() {
        assertFails(StreamErrorCondition.BAD_NAMESPACE_PREFIX, "<stream:stream xmlns='jabber:client'>");
        assertFails(StreamErrorCondition.BAD_NAMESPACE_PREFIX, "<stream xmlns='http://etherx.jabber.org/streams'>");
        assertFails(StreamErrorCondition.BAD_NAMESPACE_PREFIX, CLIENT_HEADER + "<foo:message/>");
    }

    @Test
    void textBetweenStanzasIsBadFormat() {
        assertFails(StreamErrorCondition.BAD_FORMAT, CLIENT_HEADER + "<presence/>hello<presence/>");
    }

    @Test
    void stanzaOfExactlyTheLimitPassesAndOneByteMoreFails() throws Exception {
        String open = "<message><body>";
        String close = "</body></message>";
        String exact = open + "x".repeat(SMALL.maxStanzaBytes() - open.length() - close.length()) + close;
        List<StreamEvent> events = StreamFixtures.parseInChunks(new XmlStreamParser(SMALL), bytes(CLIENT_HEADER + exact), 7);
        assertEquals(2, events.size());

        String tooBig = open + "x".repeat(SMALL.maxStanzaBytes() - open.length() - close.length() + 1) + close;
        assertFails(SMALL, StreamErrorCondition.POLICY_VIOLATION, CLIENT_HEADER + tooBig);
    }

    @Test
    void unterminatedHugeStartTagFailsOnBytesFedAlone() {
        XmlStreamParser parser = new XmlStreamParser(SMALL);
        parser.feed(bytes(CLIENT_HEADER + "<message to='"));
        byte[] chunk = bytes("a".repeat(100));
        int fed = 0;
        StreamErrorException error = null;
        try {
            assertInstanceOf(StreamEvent.Open.class, parser.next());
            while (fed < 100 * SMALL.maxStanzaBytes()) {
                assertNull(parser.next());
                parser.feed(chunk);
                fed += chunk.length;
            }
        } catch (StreamErrorException e) {
            error = e;
        }
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, error == null ? null : error.condition());
        assertTrue(fed <= SMALL.maxStanzaBytes() + chunk.length, "fed " + fed);
    }

    @Test
    void unterminatedHugeTextFailsOnBytesFedAlone() {
        XmlStreamParser parser = new XmlStreamParser(SMALL);
        parser.feed(bytes(CLIENT_HEADER + "<message><body>"));
        byte[] chunk = bytes("ü".repeat(50));
        StreamErrorException error = assertThrows(StreamErrorException.class, () -> {
            assertInstanceOf(StreamEvent.Open.class, parser.next());
            for (int i = 0; i < 1000; i++) {
                assertNull(parser.next());
                parser.feed(chunk);
            }
        });
        assertEquals(StreamErrorCondition.POLICY_VIOLATION, error.condition());
    }

    @Test
    void nestingDeeperThanTheLimitIsPolicyViolation() throws Exception {
        int max = StreamLimits.defaults().maxDepth();
        List<StreamEvent> events = StreamFixtures.parseWhole(bytes(CLIENT_HEADER + nested(max)));
        assertEquals(2, events.size());
        assertFails(StreamErrorCondition.POLICY_VIOLATION, CLIENT_HEADER + nested(max + 1));
    }

    @Test
    void moreAttributesThanTheLimitIsPolicyViolation() throws Exception {
        int max = StreamLimits.defaults().maxAttributes();
        List<StreamEvent> events = StreamFixtures.parseWhole(bytes(CLIENT_HEADER + withAttributes(max)));
        assertEquals(2, events.size());
        assertFails(StreamErrorCondition.POLICY_VIOLATION, CLIENT_HEADER + withAttributes(max + 1));
    }

    @Test
    void namespaceDeclarationsCountAsAttributes() {
        StringBuilder e = new StringBuilder("<message");
        for (int i = 0; i < SMALL.maxAttributes() + 1; i++) {
            e.append(" xmlns:p").append(i).append("='urn:").append(i).append('\'');
        }
        assertFails(SMALL, StreamErrorCondition.POLICY_VIOLATION, CLIENT_HEADER + e.append("/>"));
    }

    @Test
    void attributeLongerThanTheLimitIsPolicyViolation() throws Exception {
        int max = SMALL.maxAttributeBytes();
        List<StreamEvent> events = StreamFixtures.parseInChunks(new XmlStreamParser(SMALL),
                bytes(CLIENT_HEADER + "<message to='" + "a".repeat(max) + "'/>"), 1000);
        assertEquals(2, events.size());
        assertFails(SMALL, StreamErrorCondition.POLICY_VIOLATION, CLIENT_HEADER + "<message to='" + "a".repeat(max + 1) + "'/>");
        // counted in UTF-8 bytes, not characters
        assertFails(SMALL, StreamErrorCondition.POLICY_VIOLATION, CLIENT_HEADER + "<message to='" + "ü".repeat(max / 2 + 1) + "'/>");
    }

    @Test
    void headerLargerThanTheLimitIsPolicyViolation() {
        String header = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='"
                + "a".repeat(SMALL.maxHeaderBytes()) + "'>";
        assertFails(SMALL, StreamErrorCondition.POLICY_VIOLATION, header);
        assertFails(SMALL, StreamErrorCondition.POLICY_VIOLATION, " ".repeat(SMALL.maxHeaderBytes() + 1));
    }

    @Test
    void endOfInputInsideAStanzaIsNotWellFormed() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER + "<message><bo"));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertNull(parser.next());
        parser.endOfInput();
        assertEquals(StreamErrorCondition.NOT_WELL_FORMED, assertThrows(StreamErrorException.class, parser::next).condition());
    }

    @Test
    void endOfInputInsideAMultiByteCharacterIsNotWellFormed() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertNull(parser.next());
        parser.feed(new byte[] {(byte) 0xC3});
        assertNull(parser.next());
        parser.endOfInput();
        assertEquals(StreamErrorCondition.NOT_WELL_FORMED, assertThrows(StreamErrorException.class, parser::next).condition());
    }

    @Test
    void aFailedParserKeepsFailingAndWantsNoMoreInput() {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes("<!-- x -->"));
        assertEquals(StreamErrorCondition.RESTRICTED_XML, assertThrows(StreamErrorException.class, parser::next).condition());
        assertEquals(StreamErrorCondition.RESTRICTED_XML, assertThrows(StreamErrorException.class, parser::next).condition());
        assertFalse(parser.needsInput());
        assertTrue(parser.isDone());
    }

    private static String nested(int depth) {
        return "<a>".repeat(depth) + "</a>".repeat(depth);
    }

    private static String withAttributes(int count) {
        StringBuilder e = new StringBuilder("<message");
        for (int i = 0; i < count; i++) {
            e.append(" a").append(i).append("='").append(i).append('\'');
        }
        return e.append("/>").toString();
    }

    private static byte[] withBytesInBody(int... raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(CLIENT_HEADER + "<message><body>ok "));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(bytes(" ok</body></message>"));
        return out.toByteArray();
    }

    private static void assertFails(StreamErrorCondition expected, CharSequence document) {
        assertFails(StreamLimits.defaults(), expected, bytes(document.toString()));
    }

    private static void assertFails(StreamLimits limits, StreamErrorCondition expected, CharSequence document) {
        assertFails(limits, expected, bytes(document.toString()));
    }

    private static void assertFails(StreamErrorCondition expected, byte[] document) {
        assertFails(StreamLimits.defaults(), expected, document);
    }

    /** Fed whole, and fed one byte at a time, the document fails with this condition. */
    private static void assertFails(StreamLimits limits, StreamErrorCondition expected, byte[] document) {
        for (int chunk : new int[] {document.length, 1}) {
            try {
                List<StreamEvent> events = StreamFixtures.parseInChunks(new XmlStreamParser(limits), document, chunk);
                fail("accepted in chunks of " + chunk + ": " + events);
            } catch (StreamErrorException e) {
                assertEquals(expected, e.condition(), "in chunks of " + chunk + ": " + e.getMessage());
            }
        }
    }
}
