package im.hearth.persistence.event.user.pep;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An item was published to a PEP node (XEP-0060 7.1), replacing any item with the same id.
 * {@code payloadXml} is the item's one payload element, serialized with its namespace declared.
 */
public record PepItemPublished(String node, String itemId, String payloadXml, Instant at) implements UserEvent {
    public PepItemPublished {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(payloadXml, "payloadXml");
        Objects.requireNonNull(at, "at");
    }
}
