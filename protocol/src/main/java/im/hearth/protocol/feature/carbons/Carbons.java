package im.hearth.protocol.feature.carbons;

import im.hearth.protocol.xml.Element;
import java.util.Optional;

/**
 * XEP-0280 Message Carbons payloads: {@code <enable/>} and {@code <disable/>} (sections 4, 5),
 * {@code <private/>} (section 7), and the copies: a message from the user's bare JID holding
 * {@code <sent/>} or {@code <received/>} with the original in a XEP-0297 {@code <forwarded/>}
 * (sections 6, 8).
 */
public final class Carbons {
    public static final String NAMESPACE = "urn:xmpp:carbons:2";
    /** XEP-0297 Stanza Forwarding. */
    public static final String FORWARD = "urn:xmpp:forward:0";

    public enum Request { ENABLE, DISABLE }

    /** Which way the copied message went, named as its wrapper element. */
    public enum Direction {
        SENT("sent"), RECEIVED("received");

        private final String element;

        Direction(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    private Carbons() {
    }

    /** The request an IQ payload makes; empty if it is neither an enable nor a disable. */
    public static Optional<Request> parse(Element payload) {
        if (payload.is("enable", NAMESPACE)) {
            return Optional.of(Request.ENABLE);
        } else if (payload.is("disable", NAMESPACE)) {
            return Optional.of(Request.DISABLE);
        }
        return Optional.empty();
    }

    public static Element enable() {
        return Element.of("enable", NAMESPACE);
    }

    public static Element disable() {
        return Element.of("disable", NAMESPACE);
    }

    /** Whether the sender asked for no copies (section 7). */
    public static boolean isPrivate(Element message) {
        return message.child("private", NAMESPACE).isPresent();
    }

    /** Whether the message claims to be a carbon copy (has a sent or received wrapper). */
    public static boolean isCopy(Element message) {
        return message.child("sent", NAMESPACE).isPresent() || message.child("received", NAMESPACE).isPresent();
    }

    /**
     * The message without the elements of this namespace that only the sender's or the
     * recipient's server may act on or create: {@code <private/>} (section 7: removed before
     * delivery) and {@code <sent/>}/{@code <received/>} wrappers, which only the user's own server
     * makes (section 11; a forged one is the CVE-2017-5603 class of attack).
     */
    public static Element withoutServerElements(Element message) {
        return message.withoutChildren(e -> NAMESPACE.equals(e.namespace())
                && (e.name().equals("private") || e.name().equals("sent") || e.name().equals("received")));
    }

    /**
     * A copy for one resource: from the user's bare JID to that resource's full JID, with the
     * original's type (sections 6 and 8), the original inside {@code <forwarded/>}.
     */
    public static Element wrap(Direction direction, String bareJid, String fullJid, Element original) {
        Element forwarded = Element.builder("forwarded", FORWARD).child(original).build();
        return Element.builder("message", original.namespace())
                .attr("from", bareJid)
                .attr("to", fullJid)
                .attr("type", original.attr("type"))
                .child(Element.builder(direction.element(), NAMESPACE).child(forwarded).build())
                .build();
    }

    /** The forwarded original inside a copy, if the message is one. */
    public static Optional<Element> unwrap(Element copy, Direction direction) {
        return copy.child(direction.element(), NAMESPACE)
                .flatMap(w -> w.child("forwarded", FORWARD))
                .flatMap(f -> f.firstChild().filter(m -> m.name().equals("message")));
    }
}
