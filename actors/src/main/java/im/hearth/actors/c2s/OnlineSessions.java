package im.hearth.actors.c2s;

import im.hearth.actors.routing.SessionMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The bound client sessions of this node (full JID → session), kept by {@link Session} on bind
 * and close, for server-wide operations such as XEP-0133 announcements and the online count.
 * Node-local: on a cluster each node sees only its own sessions (a cluster-wide view needs a
 * distributed registry, e.g. Distributed Data, or asking every user entity).
 */
public final class OnlineSessions {
    private final Map<String, ActorRef<SessionMessage>> byFullJid = new ConcurrentHashMap<>();

    void bound(String fullJid, ActorRef<SessionMessage> session) {
        byFullJid.put(fullJid, session);
    }

    void gone(String fullJid, ActorRef<SessionMessage> session) {
        byFullJid.remove(fullJid, session);
    }

    public Map<String, ActorRef<SessionMessage>> snapshot() {
        return Map.copyOf(byFullJid);
    }

    public int count() {
        return byFullJid.size();
    }
}
