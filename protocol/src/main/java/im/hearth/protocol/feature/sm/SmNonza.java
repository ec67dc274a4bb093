package im.hearth.protocol.feature.sm;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.util.Optional;

/**
 * What a client sends for stream management (XEP-0198): enable (section 3), r and a (section 4),
 * resume (section 5). Counts are unsigned 32-bit numbers that wrap (section 4); a count that is
 * missing or not such a number decodes as {@link Malformed}.
 */
public sealed interface SmNonza {
    String NAMESPACE = "urn:xmpp:sm:3";
    /** The namespace of the error conditions inside {@code <failed/>}. */
    String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    long MODULO = 1L << 32;

    /** {@code <enable resume='true' max='seconds'/>}; max is null when the client did not say. */
    record Enable(boolean resume, Long maxSeconds) implements SmNonza {
    }

    /** {@code <resume previd='…' h='…'/>}. */
    record Resume(String previd, long h) implements SmNonza {
    }

    /** {@code <r/>}: the client asks how many of its stanzas the server has handled. */
    record Request() implements SmNonza {
    }

    /** {@code <a h='…'/>}: the client has handled h of the server's stanzas. */
    record Ack(long h) implements SmNonza {
    }

    /** A stream-management element that cannot be understood: the text says why. */
    record Malformed(String why) implements SmNonza {
    }

    static Optional<SmNonza> decode(Element e) {
        if (!NAMESPACE.equals(e.namespace())) {
            return Optional.empty();
        }
        switch (e.name()) {
            case "enable" -> {
                String resume = e.attr("resume");
                boolean wanted = "true".equals(resume) || "1".equals(resume);
                String max = e.attr("max");
                if (max == null) {
                    return Optional.of(new Enable(wanted, null));
                }
                Optional<Long> seconds = count(max);
                return Optional.of(seconds.isEmpty() ? new Malformed("max is not a number of seconds")
                        : new Enable(wanted, seconds.get()));
            }
            case "resume" -> {
                String previd = e.attr("previd");
                Optional<Long> h = count(e.attr("h"));
                if (previd == null || previd.isEmpty() || h.isEmpty()) {
                    return Optional.of(new Malformed("resume needs previd and h"));
                }
                return Optional.of(new Resume(previd, h.get()));
            }
            case "r" -> {
                return Optional.of(new Request());
            }
            case "a" -> {
                Optional<Long> h = count(e.attr("h"));
                return Optional.of(h.isEmpty() ? new Malformed("an ack needs h") : new Ack(h.get()));
            }
            default -> {
                return Optional.of(new Malformed("unknown element " + e.name()));
            }
        }
    }

    /** An unsigned 32-bit count (xs:unsignedInt), or empty. */
    static Optional<Long> count(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 10 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long v = Long.parseLong(raw);
        return v < MODULO ? Optional.of(v) : Optional.empty();
    }

    /** The stream feature (section 2). */
    static Element feature() {
        return Element.of("sm", NAMESPACE);
    }

    /** {@code <enabled/>} (section 3): with id and max only when the stream can be resumed. */
    static String enabled(String id, long maxSeconds) {
        Element.Builder b = Element.builder("enabled", NAMESPACE);
        if (id != null) {
            b.attr("id", id).attr("resume", "true").attr("max", Long.toString(maxSeconds));
        }
        return XmlWriter.write(b.build());
    }

    static String resumed(String previd, long h) {
        return XmlWriter.write(Element.builder("resumed", NAMESPACE).attr("previd", previd)
                .attr("h", Long.toString(h)).build());
    }

    /** {@code <failed/>} with a stanza error condition (section 6) and h when it may be told. */
    static String failed(String condition, Long h) {
        Element.Builder b = Element.builder("failed", NAMESPACE);
        if (h != null) {
            b.attr("h", Long.toString(h));
        }
        return XmlWriter.write(b.child(Element.of(condition, STANZA_ERRORS)).build());
    }

    static String request() {
        return XmlWriter.write(Element.of("r", NAMESPACE));
    }

    static String ack(long h) {
        return XmlWriter.write(Element.builder("a", NAMESPACE).attr("h", Long.toString(h)).build());
    }

    /** The application condition of the undefined-condition stream error for a count too high (section 4). */
    static Element handledCountTooHigh(long h, long sendCount) {
        return Element.builder("handled-count-too-high", NAMESPACE).attr("h", Long.toString(h))
                .attr("send-count", Long.toString(sendCount)).build();
    }
}
