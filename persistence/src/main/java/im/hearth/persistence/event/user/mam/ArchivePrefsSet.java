package im.hearth.persistence.event.user.mam;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The user set their archiving preferences (XEP-0441): they replace the previous ones whole.
 *
 * @param defaultBehaviour "always", "never" or "roster", as on the wire
 * @param always JIDs whose messages are always archived
 * @param never JIDs whose messages are never archived
 */
public record ArchivePrefsSet(String defaultBehaviour, List<String> always, List<String> never, Instant at)
    implements UserEvent {
  public ArchivePrefsSet {
    Objects.requireNonNull(defaultBehaviour, "defaultBehaviour");
    always = List.copyOf(always);
    never = List.copyOf(never);
    Objects.requireNonNull(at, "at");
  }
}
