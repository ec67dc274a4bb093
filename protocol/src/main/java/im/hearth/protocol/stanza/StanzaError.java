package im.hearth.protocol.stanza;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.Node;
import java.util.Objects;
import java.util.Optional;

/**
 * A stanza error (RFC 6120 §8.3): type, defined condition and optional text. Application-specific
 * conditions, the {@code by} attribute and the alternate address of {@code gone}/{@code redirect} are
 * not modelled.
 */
public record StanzaError(StanzaErrorType type, StanzaErrorCondition condition, String text) {

    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
    }

    /** The condition with the type RFC 6120 gives it in its examples, and no text. */
    public static StanzaError of(StanzaErrorCondition condition) {
        return new StanzaError(condition.defaultType(), condition, null);
    }

    public static StanzaError of(StanzaErrorCondition condition, String text) {
        return new StanzaError(condition.defaultType(), condition, text);
    }

    /** {@code <error type='…'><condition xmlns='…stanzas'/><text xmlns='…stanzas'>…</text></error>}. */
    public Element toElement(String stanzaNamespace) {
        Element.Builder b = Element.builder("error", stanzaNamespace)
                .attr("type", type.value())
                .child(Element.of(condition.elementName(), Namespaces.STANZA_ERRORS));
        if (text != null) {
            b.textChild("text", Namespaces.STANZA_ERRORS, text);
        }
        return b.build();
    }

    /**
     * Reads an {@code <error/>} child of a stanza. Empty when the element is not named {@code error} or
     * carries no defined condition; a missing or unknown {@code type} falls back to the condition's
     * default type.
     */
    public static Optional<StanzaError> parse(Element errorElement) {
        if (!errorElement.name().equals("error")) {
            return Optional.empty();
        }
        StanzaErrorCondition condition = null;
        String text = null;
        for (Node n : errorElement.children()) {
            if (n instanceof Element e && e.namespace().equals(Namespaces.STANZA_ERRORS)) {
                if (e.name().equals("text")) {
                    if (text == null) {
                        text = e.text();
                    }
                } else if (condition == null) {
                    condition = StanzaErrorCondition.fromElementName(e.name()).orElse(null);
                }
            }
        }
        if (condition == null) {
            return Optional.empty();
        }
        StanzaErrorType type = StanzaErrorType.fromValue(errorElement.attr("type")).orElse(condition.defaultType());
        return Optional.of(new StanzaError(type, condition, text));
    }
}
