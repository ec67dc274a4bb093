package im.hearth.persistence.event.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Stored offline stanzas were handed to a session and leave the offline queue.
 *
 * @param stanzaIds the ids of the {@link StoredOffline} events delivered, in delivery order
 * @param at when they were delivered
 */
public record OfflineDelivered(List<String> stanzaIds, Instant at) implements UserEvent {
  public OfflineDelivered {
    stanzaIds = List.copyOf(stanzaIds);
    Objects.requireNonNull(at, "at");
  }
}
