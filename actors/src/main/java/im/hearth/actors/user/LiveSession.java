package im.hearth.actors.user;

import im.hearth.actors.routing.SessionMessage;
import im.hearth.protocol.xml.Element;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the User entity knows of one bound resource, in memory only: its session, whether it is
 * available and with which priority, its last presence (for probes and new resources), the
 * contacts it sent directed presence to (RFC 6121 4.6), and whether it asked for the roster
 * (and so gets roster pushes, 2.1.6).
 */
record LiveSession(ActorRef<SessionMessage> ref, boolean available, int priority, Element lastPresence,
                   Set<String> directed, boolean interested) {

    LiveSession {
        directed = Set.copyOf(directed);
    }

    static LiveSession bound(ActorRef<SessionMessage> ref) {
        return new LiveSession(ref, false, 0, null, Set.of(), false);
    }

    LiveSession withPresence(boolean available, int priority, Element presence) {
        return new LiveSession(ref, available, priority, available ? presence : null,
                available ? directed : Set.of(), interested);
    }

    LiveSession withDirected(String contact, boolean add) {
        Set<String> next = new LinkedHashSet<>(directed);
        if (add) {
            next.add(contact);
        } else {
            next.remove(contact);
        }
        return new LiveSession(ref, available, priority, lastPresence, next, interested);
    }

    LiveSession interestedInRoster() {
        return new LiveSession(ref, available, priority, lastPresence, directed, true);
    }

    void tell(Element stanza) {
        ref.tell(new SessionMessage.Stanza(stanza));
    }
}
