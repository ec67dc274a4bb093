package im.hearth.persistence.event.user.pep;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/** A PEP node was deleted by its owner (XEP-0060 8.4), with all its items. */
public record PepNodeDeleted(String node, Instant at) implements UserEvent {
    public PepNodeDeleted {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(at, "at");
    }
}
