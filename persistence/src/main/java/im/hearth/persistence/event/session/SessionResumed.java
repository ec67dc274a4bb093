package im.hearth.persistence.event.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A new connection resumed this stream (XEP-0198 section 5).
 *
 * @param remoteAddress the new connection's socket address as {@code host:port}
 * @param at when it was resumed
 */
public record SessionResumed(String remoteAddress, Instant at) implements SessionEvent {
  public SessionResumed {
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(at, "at");
  }
}
