package im.hearth.persistence.event.user.push;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Registrations of an app server were removed (XEP-0357 section 6): the one node, or every node of
 * that JID when node is null.
 *
 * @param reason why: {@code disabled} (the user asked), {@code too-many-devices} (the oldest gave
 *               way to a new one), or {@code app-server-error: <condition>} (the app server refused
 *               a notification)
 */
public record PushDisabled(String jid, String node, String reason, Instant at) implements UserEvent {
    public PushDisabled {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
