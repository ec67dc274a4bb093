package im.hearth.persistence.event.user.mam;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The retention sweep removes every archived message of this journal archived before
 * {@code before} (Prosody's {@code archive_expires_after}). Persisted first, so that the newest row
 * of the journal is this marker and never one of the rows the sweep then deletes.
 */
public record ArchiveExpired(Instant before, Instant at) implements UserEvent {
  public ArchiveExpired {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(at, "at");
  }
}
