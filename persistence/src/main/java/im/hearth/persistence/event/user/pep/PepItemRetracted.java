package im.hearth.persistence.event.user.pep;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/** An item was retracted from a PEP node by its owner (XEP-0060 7.2). */
public record PepItemRetracted(String node, String itemId, Instant at) implements UserEvent {
    public PepItemRetracted {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(at, "at");
    }
}
