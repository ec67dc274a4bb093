package im.hearth.persistence.event.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The stream ended; always the last event of a Session journal.
 *
 * @param reason why, e.g. a stream error condition or {@code client-closed}
 * @param at when it closed
 */
public record SessionClosed(String reason, Instant at) implements SessionEvent {
  public SessionClosed {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
