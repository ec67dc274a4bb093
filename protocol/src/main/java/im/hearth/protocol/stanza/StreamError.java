package im.hearth.protocol.stanza;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.util.Objects;

/**
 * A stream error (RFC 6120 §4.9): the condition and an optional human-readable text. After sending
 * it, the entity closes the stream.
 */
public record StreamError(StreamErrorCondition condition, String text, Element applicationCondition) {

    public StreamError {
        Objects.requireNonNull(condition, "condition");
    }

    public StreamError(StreamErrorCondition condition, String text) {
        this(condition, text, null);
    }

    /** With an application-specific condition element (RFC 6120 4.9.4), e.g. XEP-0198's handled-count-too-high. */
    public static StreamError withApplicationCondition(StreamErrorCondition condition, String text, Element extra) {
        return new StreamError(condition, text, Objects.requireNonNull(extra, "extra"));
    }

    public static StreamError of(StreamErrorCondition condition) {
        return new StreamError(condition, null);
    }

    public static StreamError of(StreamErrorCondition condition, String text) {
        return new StreamError(condition, text);
    }

    /** {@code <error xmlns='http://etherx.jabber.org/streams'>} with the condition and optional text. */
    public Element toElement() {
        Element.Builder b = Element.builder("error", Namespaces.STREAM)
                .child(Element.of(condition.elementName(), Namespaces.STREAM_ERRORS));
        if (text != null) {
            b.textChild("text", Namespaces.STREAM_ERRORS, text);
        }
        if (applicationCondition != null) {
            b.child(applicationCondition);
        }
        return b.build();
    }

    /** The error as written inside an open stream: {@code <stream:error><cond xmlns='…'/></stream:error>}. */
    public String toXml() {
        return XmlWriter.writeInStream(toElement(), "");
    }
}
