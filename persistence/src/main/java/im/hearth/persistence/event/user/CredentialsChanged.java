package im.hearth.persistence.event.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The password was changed: the new credentials replace all previous ones.
 *
 * @param credentials one stored credential per supported SCRAM mechanism
 * @param at when the change was made
 */
public record CredentialsChanged(List<StoredCredential> credentials, Instant at) implements UserEvent {
  public CredentialsChanged {
    credentials = List.copyOf(credentials);
    Objects.requireNonNull(at, "at");
  }
}
