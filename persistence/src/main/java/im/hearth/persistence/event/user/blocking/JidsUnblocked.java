package im.hearth.persistence.event.user.blocking;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The user unblocked these JIDs (XEP-0191 3.4); each of them was blocked. */
public record JidsUnblocked(List<String> jids, Instant at) implements UserEvent {
    public JidsUnblocked {
        jids = List.copyOf(jids);
        Objects.requireNonNull(at, "at");
    }
}
