package im.hearth.persistence.event.session;

import im.hearth.persistence.serial.StoredData;

/**
 * An event in a Session entity's journal (persistence id {@code Session|<session id>}): the
 * audit trail of one client stream, and the state a stream-management resumption (XEP-0198) needs.
 */
public sealed interface SessionEvent extends StoredData
    permits SessionOpened, SessionAuthenticated, SessionBound, SessionClosed, StreamManagementEnabled,
        SessionHibernated, SessionResumed {}
