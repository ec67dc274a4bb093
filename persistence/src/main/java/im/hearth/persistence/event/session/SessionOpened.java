package im.hearth.persistence.event.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A client opened a stream.
 *
 * @param remoteAddress the peer's socket address as {@code host:port}
 * @param listener the name of the listener that accepted it (e.g. {@code c2s})
 * @param at when the connection was accepted
 */
public record SessionOpened(String remoteAddress, String listener, Instant at) implements SessionEvent {
  public SessionOpened {
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(at, "at");
  }
}
