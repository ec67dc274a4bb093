package im.hearth.persistence.projection.archive;

import im.hearth.persistence.db.PekkoPersistenceConfig;
import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.event.user.MessageArchived;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Answers one page of a user's archive with read-your-writes: the index holds what the projection
 * has seen; the journal events after the index's highest sequence number for that user, up to the
 * number the entity last persisted, are read from the journal and merged, so a query sees every
 * message accepted before it however far the projection lags. All JDBC runs on the given executor.
 */
public final class ArchiveReader {
    private final ActorSystem<?> system;
    private final ArchiveRepository repository;
    private final Executor jdbc;
    private final JdbcReadJournal journal;

    public ArchiveReader(ActorSystem<?> system, ArchiveRepository repository, Executor jdbc) {
        this.system = system;
        this.repository = repository;
        this.jdbc = jdbc;
        this.journal = PersistenceQuery.get(system)
                .getReadJournalFor(JdbcReadJournal.class, PekkoPersistenceConfig.READ_JOURNAL_PLUGIN_ID);
    }

    /**
     * One page: rows that match the filter, strictly after every id in {@code afterIds} and before
     * every id in {@code beforeIds}; the oldest {@code max} of them, or with {@code backwards} the
     * newest {@code max} (XEP-0059 2.3, 2.5). Rows are in archive order either way.
     *
     * @param journalSeqNr the entity's last sequence number when the query arrived
     */
    public record Request(ArchiveFilter filter, List<String> afterIds, List<String> beforeIds, boolean backwards,
                          int max, long journalSeqNr) {
        public Request {
            afterIds = List.copyOf(afterIds);
            beforeIds = List.copyOf(beforeIds);
        }
    }

    public sealed interface Outcome {
        /**
         * complete: nothing matches beyond this page in the direction of paging. There is no total
         * count: optional in XEP-0059 2.6 and XEP-0313, and counting a large archive costs more
         * than the page itself.
         */
        record Page(List<ArchiveRow> rows, boolean complete) implements Outcome {
        }

        /** An id of the request is not in this archive (XEP-0313: item-not-found). */
        record UnknownId(String id) implements Outcome {
        }
    }

    public CompletionStage<Outcome> query(Request request) {
        String user = request.filter().user();
        return CompletableFuture.supplyAsync(() -> Sql.run(() -> repository.maxSeqNr(user)), jdbc)
                .thenCompose(indexed -> tail(user, indexed, request.journalSeqNr())
                        .thenApplyAsync(tail -> page(request, indexed, tail), jdbc));
    }

    /** The user's archived messages the index has not seen yet, in journal order. */
    private CompletionStage<List<ArchiveRow>> tail(String user, long indexed, long upTo) {
        if (upTo <= indexed) {
            return CompletableFuture.completedFuture(List.of());
        }
        return journal.currentEventsByPersistenceId(PersistenceIds.user(user), indexed + 1, upTo)
                .filter(env -> env.event() instanceof MessageArchived)
                .map(env -> ArchiveRow.of(user, env.sequenceNr(), (MessageArchived) env.event()))
                .runWith(Sink.seq(), system);
    }

    private Outcome page(Request r, long indexed, List<ArchiveRow> tail) {
        long above = 0;
        long below = Long.MAX_VALUE;
        for (String id : r.afterIds()) {
            OptionalLong s = seqNrOf(r.filter().user(), id, tail);
            if (s.isEmpty()) {
                return new Outcome.UnknownId(id);
            }
            above = Math.max(above, s.getAsLong());
        }
        for (String id : r.beforeIds()) {
            OptionalLong s = seqNrOf(r.filter().user(), id, tail);
            if (s.isEmpty()) {
                return new Outcome.UnknownId(id);
            }
            below = Math.min(below, s.getAsLong());
        }
        long lo = above;
        long hi = below;
        List<ArchiveRow> newer = tail.stream().filter(t -> t.seqNr() > lo && t.seqNr() < hi && r.filter().matches(t))
                .toList();
        // Index rows only up to what was indexed when the query began: rows the projection adds
        // meanwhile are in the tail already.
        long indexBelow = Math.min(hi, indexed + 1);
        int wanted = r.max() + 1;
        List<ArchiveRow> rows = new ArrayList<>(wanted);
        if (r.backwards()) {
            for (int i = newer.size() - 1; i >= 0 && rows.size() < wanted; i--) {
                rows.add(newer.get(i));
            }
            if (rows.size() < wanted) {
                rows.addAll(newestIndexed(r, lo, hi, indexed, wanted - rows.size()));
            }
        } else {
            rows.addAll(Sql.run(() -> repository.page(r.filter(), lo, indexBelow, wanted, false)));
            for (int i = 0; i < newer.size() && rows.size() < wanted; i++) {
                rows.add(newer.get(i));
            }
        }
        boolean complete = rows.size() <= r.max();
        List<ArchiveRow> page = new ArrayList<>(rows.subList(0, Math.min(r.max(), rows.size())));
        if (r.backwards()) {
            Collections.reverse(page);
        }
        return new Outcome.Page(page, complete);
    }

    /**
     * The newest indexed rows below {@code hi}, at most {@code limit}. Without a cursor the query
     * has no upper bound (H2 reads a bounded newest-first range slowly) and rows the projection
     * added since the query began are dropped here (they are in the tail); should that leave the
     * page short, it is read again with the bound.
     */
    private List<ArchiveRow> newestIndexed(Request r, long lo, long hi, long indexed, int limit) {
        if (hi == Long.MAX_VALUE) {
            List<ArchiveRow> rows = Sql.run(() -> repository.page(r.filter(), lo, Long.MAX_VALUE, limit, true));
            List<ArchiveRow> seen = rows.stream().filter(row -> row.seqNr() <= indexed).toList();
            if (seen.size() == rows.size()) {
                return seen;
            }
        }
        long below = Math.min(hi, indexed + 1);
        return Sql.run(() -> repository.page(r.filter(), lo, below, limit, true));
    }

    private OptionalLong seqNrOf(String user, String stanzaId, List<ArchiveRow> tail) {
        for (ArchiveRow t : tail) {
            if (t.stanzaId().equals(stanzaId)) {
                return OptionalLong.of(t.seqNr());
            }
        }
        return Sql.run(() -> repository.seqNrOf(user, stanzaId));
    }
}
