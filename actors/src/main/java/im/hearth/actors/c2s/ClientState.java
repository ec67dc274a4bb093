package im.hearth.actors.c2s;

import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.protocol.feature.csi.ClientStateNonza;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * Client state indication (XEP-0352) for one stream, as Prosody's mod_csi_simple does it: while
 * the client says it is inactive, presence (the latest per sender) and chat states without a body
 * are held back; anything important (a message with a body or encrypted content, an IQ, a
 * subscription request, an error) is written at once, after what was held, so order is kept.
 * Becoming active, or holding more than {@code hearth.c2s.csi.max-held}, writes everything held.
 */
final class ClientState {
    static final String CHAT_STATES = "http://jabber.org/protocol/chatstates";

    private final Session s;
    private final int maxHeld;
    private final Map<String, Element> held = new LinkedHashMap<>();
    private boolean inactive;

    ClientState(Session session) {
        this.s = session;
        this.maxHeld = session.services.csi().maxHeld();
    }

    Effect<SessionEvent, SessionState> onElement(Element e) {
        Optional<ClientStateNonza> state = ClientStateNonza.decode(e);
        if (state.isEmpty()) {
            return s.fail(new StreamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null));
        }
        inactive = state.get() == ClientStateNonza.INACTIVE;
        if (!inactive) {
            drain().forEach(s.sm::write);
        }
        s.wire.resume();
        return s.effects().none();
    }

    /** What to write now for this stanza: nothing (held), or what was held and then it. */
    List<Element> offer(Element stanza) {
        if (!inactive) {
            return List.of(stanza);
        }
        Optional<String> key = holdKey(stanza);
        if (key.isEmpty()) {
            List<Element> out = drain();
            out.add(stanza);
            return out;
        }
        held.remove(key.get()); // collapsed: the latest one moves to the end
        held.put(key.get(), stanza);
        return held.size() > maxHeld ? drain() : List.of();
    }

    /** Everything held, oldest first; nothing is held afterwards. */
    List<Element> drain() {
        List<Element> out = new ArrayList<>(held.values());
        held.clear();
        return out;
    }

    /** A new connection resumed the stream: its client starts out active (XEP-0352 section 4). */
    void reset() {
        inactive = false;
    }

    /**
     * The key a stanza that may wait is held under (a newer one with the same key replaces it), or
     * empty for a stanza that is written at once.
     */
    static Optional<String> holdKey(Element stanza) {
        StanzaKind kind = Stanzas.kind(stanza);
        String from = String.valueOf(Stanzas.from(stanza));
        String type = Stanzas.type(stanza);
        if (kind == StanzaKind.PRESENCE) {
            // Availability updates wait; subscription requests and errors are for the user now.
            return type == null || type.equals("unavailable") ? Optional.of("presence " + from) : Optional.empty();
        }
        if (kind == StanzaKind.MESSAGE && !"error".equals(type) && stanza.child("body", stanza.namespace()).isEmpty()
                && stanza.elements().stream().anyMatch(e -> CHAT_STATES.equals(e.namespace()))
                && stanza.elements().stream().allMatch(ClientState::unimportantPart)) {
            return Optional.of("chat state " + from);
        }
        return Optional.empty();
    }

    /** What a chat-state notification may carry besides the state and still wait: hints and ids. */
    private static boolean unimportantPart(Element e) {
        String ns = e.namespace();
        return CHAT_STATES.equals(ns) || "urn:xmpp:hints".equals(ns) || "urn:xmpp:sid:0".equals(ns)
                || "urn:xmpp:delay".equals(ns);
    }
}
