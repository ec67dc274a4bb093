package im.hearth.protocol.stream;

import static im.hearth.protocol.stream.StreamFixtures.CLIENT_HEADER;
import static im.hearth.protocol.stream.StreamFixtures.bytes;
import static im.hearth.protocol.stream.StreamFixtures.parseCut;
import static im.hearth.protocol.stream.StreamFixtures.parseInChunks;
import static im.hearth.protocol.stream.StreamFixtures.parseWhole;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stanza.StreamErrorException;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlStreamParserTest {

    @Test
    void parsesTheSampleStreamIntoHeaderStanzasAndClose() throws Exception {
        List<StreamEvent> events = parseWhole(StreamFixtures.sample());

        assertEquals(7, events.size(), events::toString);
        assertEquals(new StreamEvent.Open(new StreamHeader("example.net", null, null, "1.0", "en", Namespaces.CLIENT)),
                events.get(0));

        Element message = child(events.get(1));
        assertEquals(Element.builder("message", Namespaces.CLIENT)
                .attr("to", "jülia@example.net/日本")
                .attr("id", "m&1<>\"'")
                .attr("type", "chat")
                .attr("xml:lang", "de")
                .textChild("body", Namespaces.CLIENT, "Grüße <3 \uD83D\uDE00 😀 日本語 & \"q\" 'a' ]]>")
                .child(Element.builder("data", "urn:example:x")
                        .attr("{urn:example:x}attr", "v\tw")
                        .child(Element.builder("item", "urn:example:x").text("1").build())
                        .child(Element.of("plain", Namespaces.CLIENT))
                        .build())
                .text("<not a tag>tail")
                .build(), message);

        assertEquals(Element.builder("iq", Namespaces.CLIENT).attr("type", "get").attr("id", "p1")
                .child(Element.of("ping", Namespaces.PING)).build(), child(events.get(2)));
        assertEquals(Element.of("r", "urn:xmpp:sm:3"), child(events.get(3)));
        assertEquals(Element.of("presence", Namespaces.CLIENT), child(events.get(4)));
        assertEquals(Element.builder("features", Namespaces.STREAM)
                .child(Element.builder("starttls", Namespaces.TLS).child(Element.of("required", Namespaces.TLS)).build())
                .build(), child(events.get(5)));
        assertInstanceOf(StreamEvent.Close.class, events.get(6));
    }

    @Test
    void givesTheSameEventsWhateverOffsetTheInputIsSplitAt() throws Exception {
        byte[] data = StreamFixtures.sample();
        List<StreamEvent> whole = parseWhole(data);
        for (int cut = 0; cut <= data.length; cut++) {
            assertEquals(whole, parseCut(data, cut), "split at " + cut);
        }
    }

    @Test
    void givesTheSameEventsWhenFedInSmallChunks() throws Exception {
        byte[] data = StreamFixtures.sample();
        List<StreamEvent> whole = parseWhole(data);
        for (int chunk = 1; chunk <= 9; chunk++) {
            assertEquals(whole, parseInChunks(data, chunk), "chunks of " + chunk);
        }
    }

    @Test
    void givesTheSameEventsWhenSplitAtTwoOffsetsInsideMultiByteCharacters() throws Exception {
        byte[] data = StreamFixtures.sample();
        List<StreamEvent> whole = parseWhole(data);
        for (int a = 1; a < data.length; a++) {
            if ((data[a] & 0xC0) == 0x80) { // a continuation byte: the cut splits a character
                for (int b = a + 1; b < Math.min(data.length, a + 4); b++) {
                    assertEquals(whole, parseCut(data, a, b), "split at " + a + " and " + b);
                }
            }
        }
    }

    @Test
    void unconsumedIsExactlyTheBytesAfterTheLastReturnedEventAtEverySplit() throws Exception {
        byte[] data = StreamFixtures.sample();
        List<Integer> ends = StreamFixtures.sampleEventEnds();
        for (int cut = 0; cut <= data.length; cut++) {
            XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
            int eventIndex = 0;
            int fed = 0;
            for (int to : new int[] {cut, data.length}) {
                if (to == fed && parser.isDone()) {
                    break;
                }
                parser.feed(data, fed, to - fed);
                fed = to;
                StreamEvent event;
                while ((event = parser.next()) != null) {
                    int end = ends.get(eventIndex++);
                    assertArrayEquals(Arrays.copyOfRange(data, end, fed), parser.unconsumed(),
                            "after event " + event + " with the input split at " + cut);
                }
            }
            assertEquals(ends.size(), eventIndex);
        }
    }

    @Test
    void unconsumedBytesAfterSaslSuccessFeedANewParserAtEverySplit() throws Exception {
        String auth = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGp1bGlldAByMG0zMG15cjBtMzA=</auth>";
        String restart = CLIENT_HEADER + "<iq type='set' id='b'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>";
        byte[] data = bytes(CLIENT_HEADER + auth + restart);
        for (int cut = 0; cut <= data.length; cut++) {
            XmlStreamParser first = new XmlStreamParser(StreamLimits.defaults());
            List<StreamEvent> events = new ArrayList<>();
            int fed = 0;
            for (int to : new int[] {cut, data.length}) {
                if (events.size() == 2) {
                    break; // the caller stops reading at <auth/> and waits for the SASL outcome
                }
                first.feed(data, fed, to - fed);
                fed = to;
                StreamEvent event;
                while (events.size() < 2 && (event = first.next()) != null) {
                    events.add(event);
                }
            }
            assertEquals("auth", child(events.get(1)).name(), "split at " + cut);

            XmlStreamParser second = new XmlStreamParser(StreamLimits.defaults());
            second.feed(first.unconsumed());
            List<StreamEvent> after = new ArrayList<>();
            StreamFixtures.drain(second, after);
            if (fed < data.length) {
                second.feed(data, fed, data.length - fed);
                StreamFixtures.drain(second, after);
            }
            assertEquals(2, after.size(), "split at " + cut + ": " + after);
            assertInstanceOf(StreamEvent.Open.class, after.get(0));
            assertEquals("iq", child(after.get(1)).name());
        }
    }

    @Test
    void stopsAfterTheReturnedElementLeavingTheRestUnread() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><message>injected</message>"));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertEquals("starttls", child(parser.next()).name());
        assertFalse(parser.needsInput());
        assertEquals("<message>injected</message>", new String(parser.unconsumed(), StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAHeaderWithoutXmlDeclarationAndReportsTheContentNamespace() throws Exception {
        List<StreamEvent> events = parseWhole(bytes("<stream:stream xmlns='jabber:server' "
                + "xmlns:stream='http://etherx.jabber.org/streams' from='a.example' id='x&amp;y'><message/>"));
        assertEquals(new StreamEvent.Open(new StreamHeader(null, "a.example", "x&y", null, null, Namespaces.SERVER)),
                events.get(0));
        assertEquals(Namespaces.SERVER, child(events.get(1)).namespace());
    }

    @Test
    void resolvesPrefixesAndNamespacedAttributes() throws Exception {
        List<StreamEvent> events = parseWhole(bytes(CLIENT_HEADER
                + "<foo:bar xmlns:foo='urn:x' xmlns:y='urn:y' y:a='1' b='2'><foo:baz/><qux/></foo:bar>"));
        Element e = child(events.get(1));
        assertEquals("urn:x", e.namespace());
        assertEquals(Map.of("{urn:y}a", "1", "b", "2"), e.attributes());
        assertEquals(List.of(Element.of("baz", "urn:x"), Element.of("qux", Namespaces.CLIENT)), e.children());
    }

    @Test
    void coalescesAdjacentTextIntoOneTextNodeWhateverTheSplit() throws Exception {
        byte[] data = bytes(CLIENT_HEADER + "<message><body>a&amp;b<![CDATA[c]]>d&#233;e</body></message>");
        for (int cut = 0; cut <= data.length; cut++) {
            Element body = child(parseCut(data, cut).get(1)).elements().get(0);
            assertEquals(List.of(new Text("a&bcdée")), body.children(), "split at " + cut);
        }
    }

    @Test
    void ignoresWhitespaceKeepalivesBetweenStanzasFedOneByOne() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        for (int i = 0; i < 10_000; i++) {
            parser.feed(bytes(" "));
            assertNull(parser.next());
            assertEquals(0, parser.unconsumed().length);
        }
        parser.feed(bytes("<r xmlns='urn:xmpp:sm:3'/>"));
        assertEquals("r", child(parser.next()).name());
    }

    @Test
    void endOfInputBetweenStanzasIsAClose() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER + "<presence/>  "));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        parser.endOfInput();
        assertFalse(parser.needsInput());
        assertInstanceOf(StreamEvent.Child.class, parser.next());
        assertInstanceOf(StreamEvent.Close.class, parser.next());
        assertNull(parser.next());
        assertTrue(parser.isDone());
    }

    @Test
    void endOfInputBeforeAnyByteEndsWithoutEvents() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.endOfInput();
        assertNull(parser.next());
        assertTrue(parser.isDone());
    }

    @Test
    void closeEndsTheParserAndIgnoresWhatFollows() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER + "</stream:stream><garbage"));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertInstanceOf(StreamEvent.Close.class, parser.next());
        assertNull(parser.next());
        assertTrue(parser.isDone());
        assertFalse(parser.needsInput());
    }

    @Test
    void refusesToBeFedWhileItStillHasUnreadBytes() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER + "<a/><b/>"));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertFalse(parser.needsInput());
        assertThrows(IllegalStateException.class, () -> parser.feed(bytes("<c/>")));
    }

    @Test
    void givesBackTheMemoryOfALargeStanzaWhenIdle() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        byte[] big = bytes(CLIENT_HEADER + "<message><body>" + "x".repeat(200_000) + "</body></message>");
        parser.feed(big);
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertEquals(200_000, child(parser.next()).elements().get(0).text().length());
        assertNull(parser.next());
        assertTrue(parser.bufferCapacity() <= 1024, "buffer kept " + parser.bufferCapacity());
        assertEquals(0, parser.framesKept());
        parser.feed(bytes("<presence/>"));
        assertEquals("presence", child(parser.next()).name());
    }

    @Test
    void keepsNoInputBufferBetweenStanzasAndStillReadsOneSplitAcrossFeeds() throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(bytes(CLIENT_HEADER + "<presence/>"));
        assertInstanceOf(StreamEvent.Open.class, parser.next());
        assertEquals("presence", child(parser.next()).name());
        assertNull(parser.next());
        assertEquals(0, parser.bufferCapacity());
        parser.feed(bytes("<message to='a@b'><bo"));
        assertNull(parser.next());
        parser.feed(bytes("dy>hi</body></mess"));
        assertNull(parser.next());
        parser.feed(bytes("age><iq"));
        Element message = child(parser.next());
        assertEquals("hi", message.elements().get(0).text());
        assertNull(parser.next());
        parser.feed(bytes(" type='get'/>"));
        assertEquals("iq", child(parser.next()).name());
        assertNull(parser.next());
        assertEquals(0, parser.bufferCapacity());
    }

    static Element child(StreamEvent event) {
        return assertInstanceOf(StreamEvent.Child.class, event).element();
    }
}
