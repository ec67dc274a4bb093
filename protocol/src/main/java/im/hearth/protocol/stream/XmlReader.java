package im.hearth.protocol.stream;

import im.hearth.protocol.stanza.StreamErrorException;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.nio.charset.StandardCharsets;

/**
 * Reads one stored element back from its serialized form (as {@code XmlWriter} wrote it), with the
 * same parser and restrictions as a live stream: the archive and offline store keep stanzas as text.
 *
 * <p>A MAM page parses 50 stored stanzas, and a new parser allocates the XML reader's buffers and
 * name table each time. So each thread keeps one parser with the stream header already read and
 * feeds it one element after another, as a live stream would; a parser that saw anything but one
 * complete element is dropped, and each is replaced after {@value #USES} elements so that its name
 * table stays bounded.
 */
public final class XmlReader {
    private static final byte[] HEADER = ("<stream:stream xmlns='" + Namespaces.CLIENT
            + "' xmlns:stream='" + Namespaces.STREAM + "'>").getBytes(StandardCharsets.UTF_8);
    static final int USES = 1000;
    /** Stored stanzas may exceed the live limits a little (the server adds delay and stanza-id). */
    private static final StreamLimits REUSED_LIMITS;
    private static final ThreadLocal<Reused> READERS = new ThreadLocal<>();

    static {
        StreamLimits d = StreamLimits.defaults();
        REUSED_LIMITS = new StreamLimits(4 * d.maxStanzaBytes(), d.maxDepth(), d.maxAttributes(),
                4 * d.maxAttributeBytes(), d.maxHeaderBytes());
    }

    private static final class Reused {
        final XmlStreamParser parser = opened(REUSED_LIMITS);
        int uses;
    }

    private XmlReader() {
    }

    /**
     * @throws IllegalArgumentException if the text is not exactly one well-formed element
     */
    public static Element parse(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        if (body.length >= REUSED_LIMITS.maxStanzaBytes()) {
            return parseAlone(body);
        }
        Reused reused = READERS.get();
        if (reused == null || reused.uses >= USES) {
            reused = new Reused();
            READERS.set(reused);
        }
        reused.uses++;
        boolean clean = false;
        try {
            reused.parser.feed(body);
            Element element = child(reused.parser.next());
            // Anything left unread (a second element, trailing bytes) would become the next answer.
            clean = reused.parser.needsInput();
            return element;
        } catch (StreamErrorException e) {
            throw new IllegalArgumentException("not a well-formed element: " + e.getMessage(), e);
        } finally {
            if (!clean) {
                READERS.remove();
            }
        }
    }

    private static Element parseAlone(byte[] body) {
        StreamLimits defaults = StreamLimits.defaults();
        XmlStreamParser parser = opened(new StreamLimits(body.length + 1, defaults.maxDepth(),
                defaults.maxAttributes(), Math.max(defaults.maxAttributeBytes(), body.length + 1),
                defaults.maxHeaderBytes()));
        parser.feed(body);
        try {
            return child(parser.next());
        } catch (StreamErrorException e) {
            throw new IllegalArgumentException("not a well-formed element: " + e.getMessage(), e);
        }
    }

    /** A parser that has read the stream header. */
    private static XmlStreamParser opened(StreamLimits limits) {
        XmlStreamParser parser = new XmlStreamParser(limits);
        parser.feed(HEADER);
        try {
            if (!(parser.next() instanceof StreamEvent.Open)) {
                throw new IllegalStateException("the stored-stanza header did not open a stream");
            }
        } catch (StreamErrorException e) {
            throw new IllegalStateException(e);
        }
        return parser;
    }

    private static Element child(StreamEvent event) {
        if (event instanceof StreamEvent.Child c) {
            return c.element();
        }
        throw new IllegalArgumentException("not a complete element");
    }
}
