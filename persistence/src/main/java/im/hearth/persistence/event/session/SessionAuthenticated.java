package im.hearth.persistence.event.session;

import java.time.Instant;
import java.util.Objects;

/**
 * SASL authentication succeeded.
 *
 * @param jid the prepped bare JID that authenticated
 * @param mechanism the SASL mechanism used, e.g. {@code SCRAM-SHA-256}
 * @param at when it succeeded
 */
public record SessionAuthenticated(String jid, String mechanism, Instant at) implements SessionEvent {
  public SessionAuthenticated {
    Objects.requireNonNull(jid, "jid");
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(at, "at");
  }
}
