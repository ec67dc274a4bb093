package im.hearth.persistence.event.user;

import java.util.Objects;
import java.time.Instant;

/**
 * The account was removed (a tombstone): everything the journal held before this event no longer
 * counts — credentials, roster, offline queue and every feature's state. The same JID may be
 * registered again later; that new account starts with a fresh {@link AccountCreated}. The
 * events before the tombstone stay in the journal (it is also the audit log).
 *
 * @param reason who removed it: "self" (XEP-0077), "admin" (CLI or XEP-0133)
 * @param at when the account was removed
 */
public record AccountRemoved(String reason, Instant at) implements UserEvent {
  public AccountRemoved {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
