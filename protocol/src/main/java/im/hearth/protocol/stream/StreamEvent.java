package im.hearth.protocol.stream;

import im.hearth.protocol.xml.Element;
import java.util.Objects;

/** What the stream parser reports: the stream header, each complete first-level child, the close. */
public sealed interface StreamEvent permits StreamEvent.Open, StreamEvent.Child, StreamEvent.Close {

    /** The peer's {@code <stream:stream>} open tag. */
    record Open(StreamHeader header) implements StreamEvent {
        public Open {
            Objects.requireNonNull(header, "header");
        }
    }

    /** One complete first-level child of the stream: a stanza, or a nonza such as {@code <starttls/>}. */
    record Child(Element element) implements StreamEvent {
        public Child {
            Objects.requireNonNull(element, "element");
        }
    }

    /** The peer's {@code </stream:stream>} (or, see {@link XmlStreamParser#endOfInput()}, end of input between stanzas). */
    record Close() implements StreamEvent {
    }
}
