package im.hearth.actors.c2s;

import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stream.StreamHeader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import java.util.Optional;

/**
 * The pure parts of stream negotiation (RFC 6120 4 to 7): checking the client's stream header,
 * writing ours, and the stream features offered at each step.
 */
final class Negotiation {

    static final String SASL_CB = "urn:xmpp:sasl-cb:0";

    private Negotiation() {
    }

    /** What is wrong with a client's stream header, if anything (RFC 6120 4.7, 4.9.3). */
    static Optional<StreamError> check(StreamHeader header, boolean domainHosted) {
        if (!Namespaces.CLIENT.equals(header.contentNamespace())) {
            return Optional.of(new StreamError(StreamErrorCondition.INVALID_NAMESPACE,
                    "the stream's default namespace must be jabber:client"));
        }
        if (!domainHosted) {
            return Optional.of(new StreamError(StreamErrorCondition.HOST_UNKNOWN, "this server does not serve that domain"));
        }
        String version = header.version();
        if (version == null || !version.startsWith("1.")) {
            return Optional.of(new StreamError(StreamErrorCondition.UNSUPPORTED_VERSION, "XMPP 1.0 is required"));
        }
        return Optional.empty();
    }

    /** Our response header, from the domain the client asked for. */
    static String header(String domain, String streamId) {
        return new StreamHeader(null, domain, streamId, "1.0", "en", Namespaces.CLIENT).toXml();
    }

    /** The features for the current step of the negotiation. */
    static String features(boolean tls, boolean requireEncryption, List<String> mechanisms, boolean authenticated) {
        return features(tls, requireEncryption, mechanisms, authenticated, List.of());
    }

    /**
     * @param afterAuth the features the catalogue's features add once authenticated (e.g. roster
     *                  versioning, XEP-0237)
     */
    static String features(boolean tls, boolean requireEncryption, List<String> mechanisms, boolean authenticated,
                           List<Element> afterAuth) {
        return features(tls, requireEncryption, mechanisms, authenticated, afterAuth, List.of());
    }

    /**
     * @param beforeAuth features offered next to SASL once the stream is encrypted (or encryption
     *                   is not required), e.g. in-band registration (XEP-0077 section 8)
     */
    static String features(boolean tls, boolean requireEncryption, List<String> mechanisms, boolean authenticated,
                           List<Element> afterAuth, List<Element> beforeAuth) {
        StringBuilder sb = new StringBuilder("<stream:features>");
        // STARTTLS only before SASL (RFC 6120 5.3.1): Session refuses it afterwards, so never offer it then.
        if (!tls && !authenticated) {
            Element.Builder starttls = Element.builder("starttls", Namespaces.TLS);
            if (requireEncryption) {
                starttls.child(Element.of("required", Namespaces.TLS));
            }
            XmlWriter.write(starttls.build(), Namespaces.CLIENT, sb);
        }
        if (!authenticated && (tls || !requireEncryption) && !mechanisms.isEmpty()) {
            Element.Builder mechs = Element.builder("mechanisms", Namespaces.SASL);
            for (String m : mechanisms) {
                mechs.textChild("mechanism", Namespaces.SASL, m);
            }
            XmlWriter.write(mechs.build(), Namespaces.CLIENT, sb);
            if (mechanisms.stream().anyMatch(name -> name.endsWith("-PLUS"))) {
                // XEP-0440: the channel-binding types the -PLUS mechanisms accept.
                XmlWriter.write(Element.builder("sasl-channel-binding", SASL_CB)
                        .child(Element.builder("channel-binding", SASL_CB).attr("type", "tls-server-end-point").build())
                        .build(), Namespaces.CLIENT, sb);
            }
        }
        if (!authenticated && (tls || !requireEncryption)) {
            for (Element f : beforeAuth) {
                XmlWriter.write(f, Namespaces.CLIENT, sb);
            }
        }
        if (authenticated) {
            XmlWriter.write(Element.of("bind", Namespaces.BIND), Namespaces.CLIENT, sb);
            // RFC 6121 legacy session establishment, marked optional (draft-cridland-xmpp-session-01).
            XmlWriter.write(Element.builder("session", Namespaces.SESSION)
                    .child(Element.of("optional", Namespaces.SESSION)).build(), Namespaces.CLIENT, sb);
            for (Element f : afterAuth) {
                XmlWriter.write(f, Namespaces.CLIENT, sb);
            }
        }
        return sb.append("</stream:features>").toString();
    }

    static String saslElement(String name, String base64) {
        Element.Builder b = Element.builder(name, Namespaces.SASL);
        if (base64 != null) {
            b.text(base64);
        }
        return XmlWriter.write(b.build(), Namespaces.CLIENT);
    }

    static String saslFailure(String condition, String text) {
        Element.Builder b = Element.builder("failure", Namespaces.SASL).child(Element.of(condition, Namespaces.SASL));
        if (text != null) {
            b.textChild("text", Namespaces.SASL, text);
        }
        return XmlWriter.write(b.build(), Namespaces.CLIENT);
    }
}
