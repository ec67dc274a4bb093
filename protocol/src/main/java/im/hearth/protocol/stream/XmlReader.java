package im.hearth.protocol.stream;

import im.hearth.protocol.stanza.StreamErrorException;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.nio.charset.StandardCharsets;

/**
 * Reads one stored element back from its serialized form (as {@code XmlWriter} wrote it), with the
 * same parser and restrictions as a live stream: the archive and offline store keep stanzas as text.
 */
public final class XmlReader {
    private static final byte[] HEADER = ("<stream:stream xmlns='" + Namespaces.CLIENT
            + "' xmlns:stream='" + Namespaces.STREAM + "'>").getBytes(StandardCharsets.UTF_8);

    private XmlReader() {
    }

    /**
     * @throws IllegalArgumentException if the text is not exactly one well-formed element
     */
    public static Element parse(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        StreamLimits defaults = StreamLimits.defaults();
        XmlStreamParser parser = new XmlStreamParser(new StreamLimits(Math.max(defaults.maxStanzaBytes(), body.length + 1),
                defaults.maxDepth(), defaults.maxAttributes(), Math.max(defaults.maxAttributeBytes(), body.length + 1),
                defaults.maxHeaderBytes()));
        byte[] all = new byte[HEADER.length + body.length];
        System.arraycopy(HEADER, 0, all, 0, HEADER.length);
        System.arraycopy(body, 0, all, HEADER.length, body.length);
        parser.feed(all);
        try {
            StreamEvent open = parser.next();
            StreamEvent child = parser.next();
            if (open instanceof StreamEvent.Open && child instanceof StreamEvent.Child c) {
                return c.element();
            }
        } catch (StreamErrorException e) {
            throw new IllegalArgumentException("not a well-formed element: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("not a complete element");
    }
}
