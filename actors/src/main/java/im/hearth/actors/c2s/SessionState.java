package im.hearth.actors.c2s;

import im.hearth.persistence.event.session.SessionAuthenticated;
import im.hearth.persistence.event.session.SessionBound;
import im.hearth.persistence.event.session.SessionClosed;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.persistence.event.session.SessionHibernated;
import im.hearth.persistence.event.session.SessionOpened;
import im.hearth.persistence.event.session.SessionResumed;
import im.hearth.persistence.event.session.StreamManagementEnabled;

/**
 * A {@link Session}'s state as its journal tells it (RFC 6120 stream progress); with stream management's resumption key (XEP-0198) and
 * the last saved hibernation, what a session recovered on any node needs to be resumed.
 */
public record SessionState(Phase phase, String jid, String fullJid, String resumeKeyHash, long maxSeconds,
                           SessionHibernated hibernated) {
    /** The stream's progress as its journal records it. */
    public enum Phase { NEW, OPEN, AUTHENTICATED, BOUND, HIBERNATED, CLOSED }

    SessionState apply(SessionEvent e) {
        if (e instanceof SessionOpened) {
            return new SessionState(Phase.OPEN, null, null, null, 0, null);
        } else if (e instanceof SessionAuthenticated a) {
            return new SessionState(Phase.AUTHENTICATED, a.jid(), null, null, 0, null);
        } else if (e instanceof SessionBound b) {
            return new SessionState(Phase.BOUND, jid, b.fullJid(), resumeKeyHash, maxSeconds, hibernated);
        } else if (e instanceof StreamManagementEnabled en) {
            return new SessionState(phase, en.jid(), en.fullJid(), en.resumeKeyHash(), en.maxSeconds(), hibernated);
        } else if (e instanceof SessionHibernated h) {
            return new SessionState(Phase.HIBERNATED, jid, fullJid, resumeKeyHash, maxSeconds, h);
        } else if (e instanceof SessionResumed) {
            return new SessionState(Phase.BOUND, jid, fullJid, resumeKeyHash, maxSeconds, null);
        } else if (e instanceof SessionClosed) {
            return new SessionState(Phase.CLOSED, jid, fullJid, resumeKeyHash, maxSeconds, null);
        }
        return this;
    }
}
