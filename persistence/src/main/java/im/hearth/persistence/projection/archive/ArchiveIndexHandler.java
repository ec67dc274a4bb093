package im.hearth.persistence.projection.archive;

import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.UserEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/** Turns a group of User events into archive index rows: one per {@code MessageArchived}, others skipped. */
final class ArchiveIndexHandler extends JdbcHandler<List<EventEnvelope<UserEvent>>, ArchiveJdbcSession> {
    private static final String PREFIX = PersistenceIds.USER_TYPE + PersistenceIds.SEPARATOR;

    private final ArchiveRepository repository;

    ArchiveIndexHandler(ArchiveRepository repository) {
        this.repository = repository;
    }

    @Override
    public void process(ArchiveJdbcSession session, List<EventEnvelope<UserEvent>> envelopes) throws Exception {
        List<ArchiveRow> rows = rows(envelopes);
        session.withConnection(c -> {
            repository.upsert(c, rows);
            return null;
        });
    }

    static List<ArchiveRow> rows(List<EventEnvelope<UserEvent>> envelopes) {
        List<ArchiveRow> rows = new ArrayList<>();
        for (EventEnvelope<UserEvent> env : envelopes) {
            if (env.event() instanceof MessageArchived m && env.persistenceId().startsWith(PREFIX)) {
                rows.add(ArchiveRow.of(env.persistenceId().substring(PREFIX.length()), env.sequenceNr(), m));
            }
        }
        return rows;
    }
}
