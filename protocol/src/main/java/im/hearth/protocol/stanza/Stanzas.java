package im.hearth.protocol.stanza;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers on stanza elements (message, presence, iq in {@code jabber:client} or {@code jabber:server}). */
public final class Stanzas {

    private Stanzas() {
    }

    public static boolean isStanza(Element e) {
        return kind(e) != null;
    }

    /** The stanza's kind, or null when the element is not a stanza (a nonza such as {@code <r/>}). */
    public static StanzaKind kind(Element e) {
        String ns = e.namespace();
        if (!ns.equals(Namespaces.CLIENT) && !ns.equals(Namespaces.SERVER)) {
            return null;
        }
        return switch (e.name()) {
            case "message" -> StanzaKind.MESSAGE;
            case "presence" -> StanzaKind.PRESENCE;
            case "iq" -> StanzaKind.IQ;
            default -> null;
        };
    }

    public static String from(Element e) {
        return e.attr("from");
    }

    public static String to(Element e) {
        return e.attr("to");
    }

    public static String id(Element e) {
        return e.attr("id");
    }

    public static String type(Element e) {
        return e.attr("type");
    }

    public static boolean isError(Element e) {
        return "error".equals(e.attr("type"));
    }

    /**
     * The error reply to a stanza (RFC 6120 §8.3.1): same kind and namespace, {@code from} and
     * {@code to} swapped, same {@code id}, {@code type='error'}, the error as only child (the original
     * payload is not echoed). An error stanza must never be answered with another (§8.3.1, against
     * loops): doing so is a programming error.
     *
     * @throws IllegalArgumentException if the stanza is itself of type error
     */
    public static Element errorReply(Element stanza, StanzaError error) {
        if (isError(stanza)) {
            throw new IllegalArgumentException("an error stanza must not be answered with an error");
        }
        return reply(stanza, "error", error.toElement(stanza.namespace()));
    }

    /** The result of an IQ: {@code from}/{@code to} swapped, same {@code id}, {@code type='result'}. */
    public static Element iqResult(Element iq, Element payloadOrNull) {
        return reply(iq, "result", payloadOrNull);
    }

    /** The stanza with these addresses; a null value removes the attribute. */
    public static Element withFromTo(Element stanza, String from, String to) {
        Map<String, String> attributes = new LinkedHashMap<>(stanza.attributes());
        put(attributes, "from", from);
        put(attributes, "to", to);
        return new Element(stanza.name(), stanza.namespace(), attributes, stanza.children());
    }

    private static Element reply(Element stanza, String type, Element child) {
        Map<String, String> attributes = new LinkedHashMap<>(4);
        put(attributes, "from", to(stanza));
        put(attributes, "to", from(stanza));
        put(attributes, "id", id(stanza));
        attributes.put("type", type);
        return new Element(stanza.name(), stanza.namespace(), attributes, child == null ? List.of() : List.of(child));
    }

    private static void put(Map<String, String> attributes, String key, String value) {
        if (value == null) {
            attributes.remove(key);
        } else {
            attributes.put(key, value);
        }
    }
}
