package im.hearth.persistence.event.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A resource was bound (RFC 6120 §7).
 *
 * @param fullJid the prepped full JID of the session
 * @param at when it was bound
 */
public record SessionBound(String fullJid, Instant at) implements SessionEvent {
  public SessionBound {
    Objects.requireNonNull(fullJid, "fullJid");
    Objects.requireNonNull(at, "at");
  }
}
