package im.hearth.persistence.event.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A resumable stream lost its connection (or its node shut down) and waits to be resumed
 * (XEP-0198 section 5): everything a session on any node needs to take the stream over. Recorded
 * again each time the hibernating session's queue is saved; the last one counts.
 *
 * @param handled how many of the client's stanzas the server has handled (the h of {@code <resumed/>})
 * @param sent how many stanzas the server has sent or queued for the client, modulo 2^32
 * @param unacked the stanzas the client has not acknowledged, oldest first, in their serialized form
 *                (the last {@code unacked.size()} of {@code sent})
 * @param presence the session's last own presence broadcast, serialized, or null if it had none
 * @param at when it was recorded
 */
public record SessionHibernated(long handled, long sent, List<String> unacked, String presence, Instant at)
    implements SessionEvent {
  /** The read-side tag of these events: how a restarted node finds the sessions still waiting to be resumed. */
  public static final String TAG = "session-hibernated";

  public SessionHibernated {
    unacked = List.copyOf(unacked);
    Objects.requireNonNull(at, "at");
  }
}
