package im.hearth.protocol.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import im.hearth.protocol.stanza.StreamErrorException;
import java.util.ArrayList;
import java.util.List;

/** Sample streams and ways to drive a parser over them. */
final class StreamFixtures {

    static final String CLIENT_HEADER = "<stream:stream to='example.net' xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0' xml:lang='en'>";

    /** A client stream as pieces; the events end exactly where the pieces in {@link #EVENT_PIECES} end. */
    static final List<String> SAMPLE_PIECES = List.of(
            "<?xml version='1.0'?>" + CLIENT_HEADER,
            " ",
            "<message to='jülia@example.net/日本' id='m&amp;1&lt;&gt;&quot;&apos;' type='chat' xml:lang='de'>"
                    + "<body>Grüße &lt;3 &#x1F600; 😀 日本語 &amp; \"q\" 'a' ]]&gt;</body>"
                    + "<x:data xmlns:x='urn:example:x' x:attr='v&#9;w'><x:item>1</x:item><plain/></x:data>"
                    + "<![CDATA[<not a tag>]]>tail</message>",
            "\n\t ",
            "<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>",
            " ",
            "<r xmlns='urn:xmpp:sm:3'/>",
            "<presence/>",
            "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                    + "</stream:features>",
            "  \r\n",
            "</stream:stream>");

    /** Indexes in {@link #SAMPLE_PIECES} of the pieces that produce an event. */
    static final List<Integer> EVENT_PIECES = List.of(0, 2, 4, 6, 7, 8, 10);

    static byte[] sample() {
        return String.join("", SAMPLE_PIECES).getBytes(UTF_8);
    }

    /** Byte offsets where the sample's events end. */
    static List<Integer> sampleEventEnds() {
        List<Integer> ends = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < SAMPLE_PIECES.size(); i++) {
            offset += SAMPLE_PIECES.get(i).getBytes(UTF_8).length;
            if (EVENT_PIECES.contains(i)) {
                ends.add(offset);
            }
        }
        return ends;
    }

    static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    static List<StreamEvent> parseWhole(byte[] data) throws StreamErrorException {
        return parseInChunks(data, Math.max(1, data.length));
    }

    /** Feeds the data cut at the given offsets (ascending), draining the events after each feed. */
    static List<StreamEvent> parseCut(byte[] data, int... cuts) throws StreamErrorException {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        List<StreamEvent> events = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : data.length;
            if (to == from && parser.isDone()) {
                break;
            }
            parser.feed(data, from, to - from);
            drain(parser, events);
            from = to;
        }
        return events;
    }

    static List<StreamEvent> parseInChunks(byte[] data, int chunk) throws StreamErrorException {
        return parseInChunks(new XmlStreamParser(StreamLimits.defaults()), data, chunk);
    }

    static List<StreamEvent> parseInChunks(XmlStreamParser parser, byte[] data, int chunk) throws StreamErrorException {
        List<StreamEvent> events = new ArrayList<>();
        for (int from = 0; from < data.length; from += chunk) {
            if (!parser.needsInput()) {
                break; // closed
            }
            parser.feed(data, from, Math.min(chunk, data.length - from));
            drain(parser, events);
        }
        return events;
    }

    static void drain(XmlStreamParser parser, List<StreamEvent> events) throws StreamErrorException {
        StreamEvent event;
        while ((event = parser.next()) != null) {
            events.add(event);
        }
    }

    private StreamFixtures() {
    }
}
