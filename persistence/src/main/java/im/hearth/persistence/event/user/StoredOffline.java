package im.hearth.persistence.event.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A stanza arrived while the user had no available session and was kept for later delivery
 * (RFC 6121 §8.5.2, XEP-0160).
 *
 * @param stanzaId the id under which it is queued (the same as its archive id when archived)
 * @param at when it was stored
 * @param stanzaXml the stanza in its canonical serialized form
 */
public record StoredOffline(String stanzaId, Instant at, String stanzaXml) implements UserEvent {
  public StoredOffline {
    Objects.requireNonNull(stanzaId, "stanzaId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(stanzaXml, "stanzaXml");
  }
}
