package im.hearth.persistence.event.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to or from the user was archived (the user's side of XEP-0313). The archive read
 * side indexes these; the entity never keeps them in memory.
 *
 * @param stanzaId the archive id given to the stanza (XEP-0359 {@code stanza-id}), unique per user
 * @param at when the server archived it
 * @param direction whether the user received or sent it
 * @param peer the other party's prepped bare JID
 * @param stanzaXml the stanza in its canonical serialized form
 */
public record MessageArchived(String stanzaId, Instant at, Direction direction, String peer, String stanzaXml)
    implements UserEvent {

  /** Stored by constant name: a constant is never renamed. */
  public enum Direction {
    INCOMING,
    OUTGOING
  }

  public MessageArchived {
    Objects.requireNonNull(stanzaId, "stanzaId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(stanzaXml, "stanzaXml");
  }
}
