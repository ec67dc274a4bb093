package im.hearth.actors.feature;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.FullJid;
import im.hearth.protocol.xml.Element;
import java.util.List;
import java.util.Map;

/**
 * What one XMPP extension adds to the server: the features it advertises in the server's
 * disco#info, and the IQ payloads it answers when they are addressed to a hosted domain, and the
 * hooks it reacts to (stream features, initial presence, account creation). A feature is
 * registered by one line in {@link FeatureCatalogue} and can be disabled by its name.
 */
public interface Feature {

    /** The feature's name, as used in configuration and docs/features.md. */
    String name();

    /** Namespaces added to the server's disco#info features (XEP-0030); none by default. */
    default List<String> discoFeatures() {
        return List.of();
    }

    /** Handlers of IQ get/set addressed to the server, keyed by the payload's namespace; none by default. */
    default Map<String, IqHandler> serverIqHandlers() {
        return Map.of();
    }

    /** Stream features offered to a client once it is authenticated (RFC 6120 4.3). */
    default List<Element> streamFeatures() {
        return List.of();
    }

    /** Extended information added to the server's disco#info as data forms (XEP-0128). */
    default List<DataForm> discoExtensions() {
        return List.of();
    }

    /** Stanzas the server sends straight to a session when it sends its initial presence (RFC 6121 4.2). */
    default List<Element> onInitialPresence(FullJid session) {
        return List.of();
    }

    /** Stanzas the server routes once an account has been created (addressed, with 'from' stamped). */
    default List<Element> onAccountCreated(BareJid account) {
        return List.of();
    }

    /** Answers one IQ request: the whole reply, a result or an error (see {@code Stanzas.iqResult/errorReply}). */
    @FunctionalInterface
    interface IqHandler {
        Element handle(Element iq, Element payload);
    }
}
