package im.hearth.persistence.event.session;

import java.time.Instant;
import java.util.Objects;

/**
 * Stream management (XEP-0198) was enabled with resumption: from now on the stream may be resumed
 * by a new connection of the same account that presents the resumption id.
 *
 * @param resumeKeyHash SHA-256 (hex) of the secret half of the resumption id; the secret itself is
 *                      never stored, so the journal cannot be used to take over a stream
 * @param jid the prepped bare JID of the account (the only one that may resume)
 * @param fullJid the prepped full JID the stream is bound to
 * @param maxSeconds how long the stream waits for a resumption once its connection is gone
 * @param at when it was enabled
 */
public record StreamManagementEnabled(String resumeKeyHash, String jid, String fullJid, long maxSeconds, Instant at)
    implements SessionEvent {
  public StreamManagementEnabled {
    Objects.requireNonNull(resumeKeyHash, "resumeKeyHash");
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(fullJid, "fullJid");
    Objects.requireNonNull(at, "at");
  }
}
