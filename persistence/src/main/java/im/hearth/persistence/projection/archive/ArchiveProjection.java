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
 * The registration of the archive index: one grouped projection over every User event
 * ({@link PersistenceIds#ALL_USER_EVENTS}, read from the journal by ordering), a transaction per
 * group of up to {@value #GROUP} events (or {@link #GROUP_WAIT}) that writes the rows and the offset
 * together. The handler is idempotent, so the default recovery (retry, then restart with backoff)
 * never duplicates a row. There used to be 16, one per User tag; the migrations postgres/V5 and
 * h2/V7 carry their offsets over.
 */
public final class ArchiveProjection {
    /** The projection's name in the offset table. */
    public static final String NAME = "archive-index";
    /** Its one key in the offset table. */
    static final String KEY = "users";
    static final int GROUP = 500;
    static final Duration GROUP_WAIT = Duration.ofMillis(200);

    private ArchiveProjection() {
    }

    /** The projection; run it exactly once in the cluster (by a sharded daemon process of one). */
    public static Projection<EventEnvelope<UserEvent>> create(ActorSystem<?> system, ArchiveStore store) {
        SourceProvider<Offset, EventEnvelope<UserEvent>> source = EventSourcedProvider.eventsByTag(system,
                PekkoPersistenceConfig.READ_JOURNAL_PLUGIN_ID, PersistenceIds.ALL_USER_EVENTS);
        return JdbcProjection.groupedWithin(ProjectionId.of(NAME, KEY), source,
                        () -> new ArchiveJdbcSession(store.dataSource()),
                        () -> new ArchiveIndexHandler(store.repository()), system)
                .withGroup(GROUP, GROUP_WAIT);
    }
}
