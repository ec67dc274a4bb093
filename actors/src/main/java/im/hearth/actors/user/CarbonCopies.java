package im.hearth.actors.user;

import im.hearth.actors.feature.carbons.CarbonsFeature;
import im.hearth.protocol.feature.carbons.Carbons;
import im.hearth.protocol.feature.hints.Hints;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.util.Map;
import java.util.Set;

/**
 * XEP-0280 Message Carbons as the User entity applies them: which messages are copied (section 6,
 * with the XEP-0334 no-copy hint), and the sent (section 8) and received (section 7) copies for the
 * carbons-enabled sessions that did not get the message itself. docs/routing.md has the rules.
 */
final class CarbonCopies {
    /** XEP-0045: a MUC room adds this to private messages; section 6 excludes them. */
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private CarbonCopies() {
    }

    /**
     * Section 6's suggested rules: a chat message (chat states included, section 10.2), or a normal
     * message with a body; never groupchat, headline or error, nor a MUC private message; and not
     * when the sender asked for none (private, section 7; no-copy, XEP-0334 4.3). Storage hints do
     * not matter: a copy is a delivery, not a store.
     */
    static boolean eligible(Element message) {
        if (Stanzas.kind(message) != StanzaKind.MESSAGE || Carbons.isPrivate(message)
                || Hints.has(message, Hints.NO_COPY) || message.child("x", MUC_USER).isPresent()) {
            return false;
        }
        String type = Stanzas.type(message);
        if ("chat".equals(type)) {
            return true;
        }
        return (type == null || "normal".equals(type)) && message.child("body", message.namespace()).isPresent();
    }

    /**
     * Copies a message to every carbons-enabled session of the account except those named.
     *
     * @param original the message as delivered or routed (with the archive's stanza-id, if archived)
     */
    static void copy(String bareJid, Map<String, LiveSession> sessions, Carbons.Direction direction, Element original,
                     Set<String> except) {
        sessions.forEach((resource, live) -> {
            if (live.wants(CarbonsFeature.TOPIC) && !except.contains(resource)) {
                live.tell(Carbons.wrap(direction, bareJid, bareJid + "/" + resource, original));
            }
        });
    }
}
