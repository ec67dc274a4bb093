package im.hearth.actors.user;

import im.hearth.protocol.feature.hints.Hints;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;

/** Which messages the archive keeps, and the XEP-0359 stanza-id the archiving account stamps on them. */
final class Archive {

    private Archive() {
    }

    /**
     * Messages of type chat or normal that carry a body, as Prosody's mod_mam keeps by default,
     * unless the sender hinted otherwise.
     */
    static boolean archivable(Element stanza) {
        return conversational(stanza) && !senderRefusesArchive(stanza);
    }

    private static boolean conversational(Element stanza) {
        if (Stanzas.kind(stanza) != StanzaKind.MESSAGE) {
            return false;
        }
        String type = Stanzas.type(stanza);
        if (type != null && !type.equals("chat") && !type.equals("normal")) {
            return false;
        }
        return stanza.child("body", stanza.namespace()).isPresent();
    }

    /**
     * XEP-0334 4.1 and 4.2: the sender asked that the message not be stored permanently
     * ({@code no-permanent-store}) or at all ({@code no-store}); either keeps it out of the archive.
     */
    static boolean senderRefusesArchive(Element stanza) {
        return Hints.has(stanza, Hints.NO_PERMANENT_STORE) || Hints.has(stanza, Hints.NO_STORE);
    }

    /**
     * Whether a message that is not archived may still wait in offline storage (XEP-0160): one the
     * archive would keep but for {@code no-permanent-store}; {@code no-store} forbids even that (XEP-0334 4.2).
     */
    static boolean offlineOnly(Element stanza) {
        return conversational(stanza) && Hints.has(stanza, Hints.NO_PERMANENT_STORE) && !Hints.has(stanza, Hints.NO_STORE);
    }

    /**
     * Whether the user's XEP-0441 preferences let a message with this peer (prepped bare JID) into
     * the archive; kept apart from {@link #archivable}, which is about the message itself.
     */
    static boolean wantedByPrefs(UserState s, String peer) {
        return s.archivePrefs().archives(peer, s.roster());
    }

    /** The stanza with this account's stanza-id; any stanza-id claiming to be by this account is removed (XEP-0359 5). */
    static Element withStanzaId(Element stanza, String id, String by) {
        Element clean = withoutForeignStanzaIds(stanza, by);
        return clean.withChild(Element.builder("stanza-id", Namespaces.STANZA_ID).attr("id", id).attr("by", by).build());
    }

    static Element withoutForeignStanzaIds(Element stanza, String by) {
        return stanza.withoutChildren(e -> e.is("stanza-id", Namespaces.STANZA_ID) && by.equals(e.attr("by")));
    }

    static String xml(Element stanza) {
        return XmlWriter.write(stanza);
    }
}
