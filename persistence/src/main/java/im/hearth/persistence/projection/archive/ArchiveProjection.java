package im.hearth.persistence.projection.archive;

import im.hearth.persistence.db.PekkoPersistenceConfig;
import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.event.user.UserEvent;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * The registration of the archive index: one grouped projection per User tag
 * ({@link PersistenceIds#USER_TAGS}), each a transaction per group of up to {@value #GROUP} events
 * (or {@link #GROUP_WAIT}) that writes the rows and the tag's offset together. The handler is
 * idempotent, so the default recovery (retry, then restart with backoff) never duplicates a row.
 */
public final class ArchiveProjection {
    /** The projection's name in the offset table. */
    public static final String NAME = "archive-index";
    static final int GROUP = 500;
    static final Duration GROUP_WAIT = Duration.ofMillis(200);

    private ArchiveProjection() {
    }

    /** The projection of one tag; run each exactly once in the cluster (e.g. by a sharded daemon process). */
    public static Projection<EventEnvelope<UserEvent>> forTag(ActorSystem<?> system, ArchiveStore store, String tag) {
        SourceProvider<Offset, EventEnvelope<UserEvent>> source =
                EventSourcedProvider.eventsByTag(system, PekkoPersistenceConfig.READ_JOURNAL_PLUGIN_ID, tag);
        return JdbcProjection.groupedWithin(ProjectionId.of(NAME, tag), source,
                        () -> new ArchiveJdbcSession(store.dataSource()),
                        () -> new ArchiveIndexHandler(store.repository()), system)
                .withGroup(GROUP, GROUP_WAIT);
    }
}
