package im.hearth.persistence.event.user.roster;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/** The contact left the roster (a roster remove, RFC 6121 2.5), and with it every subscription state. */
public record RosterItemRemoved(String contact, Instant at) implements UserEvent {
    public RosterItemRemoved {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(at, "at");
    }
}
