package im.hearth.persistence.event.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The account came into existence: the first event of a User journal, or the first after an
 * {@link AccountRemoved} when the same JID is registered again.
 *
 * @param jid the prepped bare JID of the account
 * @param credentials one stored credential per supported SCRAM mechanism
 * @param at when the account was created
 */
public record AccountCreated(String jid, List<StoredCredential> credentials, Instant at) implements UserEvent {
  public AccountCreated {
    Objects.requireNonNull(jid, "jid");
    credentials = List.copyOf(credentials);
    Objects.requireNonNull(at, "at");
  }
}
