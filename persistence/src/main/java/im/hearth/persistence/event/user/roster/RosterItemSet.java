package im.hearth.persistence.event.user.roster;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The user added a contact or changed its name or groups (a roster set, RFC 6121 2.3). */
public record RosterItemSet(String contact, String name, List<String> groups, Instant at) implements UserEvent {
    public RosterItemSet {
        Objects.requireNonNull(contact, "contact");
        groups = List.copyOf(groups);
        Objects.requireNonNull(at, "at");
    }
}
