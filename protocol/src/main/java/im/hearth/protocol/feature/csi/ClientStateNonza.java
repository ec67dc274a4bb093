package im.hearth.protocol.feature.csi;

import im.hearth.protocol.xml.Element;
import java.util.Optional;

/** {@code <active/>} and {@code <inactive/>} (XEP-0352 section 4); anything else in the namespace is unknown. */
public enum ClientStateNonza {
    ACTIVE, INACTIVE;

    public static final String NAMESPACE = "urn:xmpp:csi:0";

    public static Optional<ClientStateNonza> decode(Element e) {
        if (!NAMESPACE.equals(e.namespace())) {
            return Optional.empty();
        }
        if (e.name().equals("active")) {
            return Optional.of(ACTIVE);
        }
        return e.name().equals("inactive") ? Optional.of(INACTIVE) : Optional.empty();
    }

    /** The stream feature (section 3). */
    public static Element feature() {
        return Element.of("csi", NAMESPACE);
    }
}
