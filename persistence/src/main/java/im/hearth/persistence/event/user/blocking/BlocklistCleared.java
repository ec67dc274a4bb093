package im.hearth.persistence.event.user.blocking;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/** The user unblocked every JID at once (XEP-0191 3.5, an unblock without items). */
public record BlocklistCleared(Instant at) implements UserEvent {
    public BlocklistCleared {
        Objects.requireNonNull(at, "at");
    }
}
