package im.hearth.persistence.event.user.blocking;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The user blocked these JIDs (XEP-0191 3.3); none of them was blocked before. */
public record JidsBlocked(List<String> jids, Instant at) implements UserEvent {
    public JidsBlocked {
        jids = List.copyOf(jids);
        Objects.requireNonNull(at, "at");
    }
}
