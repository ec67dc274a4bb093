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
 * (and so gets roster pushes, 2.1.6), and the topics of account features whose pushes it asked for
 * (the blocklist, XEP-0191), and whether its stream is hibernated (XEP-0198: the connection is gone,
 * the session waits to be resumed and queues what it is sent).
 */
record LiveSession(ActorRef<SessionMessage> ref, boolean available, int priority, Element lastPresence,
                   Set<String> directed, boolean interested, Set<String> topics, boolean hibernated) {

    LiveSession {
        directed = Set.copyOf(directed);
        topics = Set.copyOf(topics);
    }

    static LiveSession bound(ActorRef<SessionMessage> ref) {
        return new LiveSession(ref, false, 0, null, Set.of(), false, Set.of(), false);
    }

    LiveSession interestedIn(String topic) {
        Set<String> next = new LinkedHashSet<>(topics);
        next.add(topic);
        return new LiveSession(ref, available, priority, lastPresence, directed, interested, next, hibernated);
    }

    LiveSession notInterestedIn(String topic) {
        Set<String> next = new LinkedHashSet<>(topics);
        next.remove(topic);
        return new LiveSession(ref, available, priority, lastPresence, directed, interested, next, hibernated);
    }

    /** Whether the session asked for this topic and has not taken it back (the per-feature session flags). */
    boolean wants(String topic) {
        return topics.contains(topic);
    }

    LiveSession withPresence(boolean available, int priority, Element presence) {
        return new LiveSession(ref, available, priority, available ? presence : null,
                available ? directed : Set.of(), interested, topics, hibernated);
    }

    LiveSession withDirected(String contact, boolean add) {
        Set<String> next = new LinkedHashSet<>(directed);
        if (add) {
            next.add(contact);
        } else {
            next.remove(contact);
        }
        return new LiveSession(ref, available, priority, lastPresence, next, interested, topics, hibernated);
    }

    LiveSession interestedInRoster() {
        return new LiveSession(ref, available, priority, lastPresence, directed, true, topics, hibernated);
    }

    LiveSession withHibernated(boolean now) {
        return new LiveSession(ref, available, priority, lastPresence, directed, interested, topics, now);
    }

    void tell(Element stanza) {
        ref.tell(new SessionMessage.Stanza(stanza));
    }
}
