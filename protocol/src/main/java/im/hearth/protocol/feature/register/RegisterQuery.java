package im.hearth.protocol.feature.register;

import im.hearth.protocol.xml.Element;

/**
 * The {@code jabber:iq:register} payload of XEP-0077, reduced to what a server for people (not
 * gateways) needs: the username/password fields (section 3.1 registration, 3.3 password change)
 * and {@code <remove/>} (3.2 cancellation). Data-form registration (section 4) is not offered.
 */
public sealed interface RegisterQuery {
    String NAMESPACE = "jabber:iq:register";
    /** The stream feature (XEP-0077 section 8). */
    String FEATURE_NAMESPACE = "http://jabber.org/features/iq-register";

    /** An empty query: what are the fields (in an IQ get). */
    record Fields() implements RegisterQuery {
    }

    /** Username and password; either may be null when absent. */
    record Submit(String username, String password) implements RegisterQuery {
    }

    /** Cancel the registration (XEP-0077 3.2). */
    record Remove() implements RegisterQuery {
    }

    static RegisterQuery decode(Element query) {
        if (query.child("remove", NAMESPACE).isPresent()) {
            return new Remove();
        }
        String username = query.childText("username", NAMESPACE).orElse(null);
        String password = query.childText("password", NAMESPACE).orElse(null);
        if (username == null && password == null) {
            return new Fields();
        }
        return new Submit(username, password);
    }

    /** The answer to a get before registration: the fields to fill in (XEP-0077 example 2). */
    static Element form(String instructions) {
        return Element.builder("query", NAMESPACE)
                .textChild("instructions", NAMESPACE, instructions)
                .child(Element.of("username", NAMESPACE))
                .child(Element.of("password", NAMESPACE))
                .build();
    }

    /** The answer to a get by a registered user (XEP-0077 example 3): registered, with the username. */
    static Element registered(String username) {
        return Element.builder("query", NAMESPACE)
                .child(Element.of("registered", NAMESPACE))
                .textChild("username", NAMESPACE, username)
                .child(Element.of("password", NAMESPACE))
                .build();
    }

    default Element encode() {
        Element.Builder b = Element.builder("query", NAMESPACE);
        if (this instanceof Remove) {
            b.child(Element.of("remove", NAMESPACE));
        } else if (this instanceof Submit s) {
            if (s.username() != null) {
                b.textChild("username", NAMESPACE, s.username());
            }
            if (s.password() != null) {
                b.textChild("password", NAMESPACE, s.password());
            }
        }
        return b.build();
    }
}
