package im.hearth.actors.feature;

import im.hearth.protocol.xml.Element;
import java.util.List;
import java.util.Map;

/**
 * What one XMPP extension adds to the server: the features it advertises in the server's
 * disco#info, and the IQ payloads it answers when they are addressed to a hosted domain. A
 * feature is registered by one line in {@link FeatureCatalogue}.
 */
public interface Feature {

    /** The feature's name, as used in configuration and docs/features.md. */
    String name();

    /** Namespaces added to the server's disco#info features (XEP-0030). */
    List<String> discoFeatures();

    /** Handlers of IQ get/set addressed to the server, keyed by the payload's namespace. */
    Map<String, IqHandler> serverIqHandlers();

    /** Stream features offered to a client once it is authenticated (RFC 6120 4.3). */
    default List<Element> streamFeatures() {
        return List.of();
    }

    /** Answers one IQ request: the whole reply, a result or an error (see {@code Stanzas.iqResult/errorReply}). */
    @FunctionalInterface
    interface IqHandler {
        Element handle(Element iq, Element payload);
    }
}
