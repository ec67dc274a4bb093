package im.hearth.persistence.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that writes journal rows by group commit: whatever writes are waiting when it
 * finishes a transaction go together into the next one (up to a batch size). A write's future
 * completes only after its transaction has committed; if the transaction fails, every write in it
 * fails, and none of its rows are kept.
 *
 * <p>On PostgreSQL each event and its tags are one statement (the event's insert in a {@code WITH}
 * whose generated ordering the tag insert reads; a plain insert for an event without tags), so a
 * transaction is two round trips to the database: the batch, then the commit (one more batch
 * each time the events switch between tagged and untagged). Elsewhere (H2) it is three: a batch of
 * events returning their orderings, a batch of tags, the commit.
 *
 * <p>Writes are taken in the order they were offered, so one entity's events reach the table in
 * sequence order, as {@code AsyncWriteJournal} requires.
 */
final class JournalWriter {
    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    static final String INSERT_EVENT = """
            INSERT INTO "event_journal" ("deleted", "persistence_id", "sequence_number", "writer", "write_timestamp",
                "adapter_manifest", "event_payload", "event_ser_id", "event_ser_manifest",
                "meta_payload", "meta_ser_id", "meta_ser_manifest")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_TAG = "INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)";
    /** PostgreSQL: the event and its tags (an array, maybe empty) in one statement. */
    static final String INSERT_EVENT_WITH_TAGS = "WITH \"e\" AS (" + INSERT_EVENT + " RETURNING \"ordering\")\n"
            + "INSERT INTO \"event_tag\" (\"event_id\", \"tag\") SELECT \"e\".\"ordering\", \"t\".\"tag\"\n"
            + "FROM \"e\" CROSS JOIN unnest(CAST(? AS varchar[])) AS \"t\"(\"tag\")";

    /** One event as stored; {@code meta*} are null when the event has no metadata. */
    record Row(String persistenceId, long sequenceNr, boolean deleted, String writer, long timestamp,
            String adapterManifest, byte[] payload, int serId, String serManifest,
            byte[] metaPayload, Integer metaSerId, String metaSerManifest, Set<String> tags) {
    }

    /** Where the writer gets a connection for each transaction (a pooled one). */
    interface Connections {
        Connection open() throws SQLException;
    }

    private record Pending(List<Row> rows, CompletableFuture<Void> done) {
    }

    private final Connections connections;
    private final Executor completions;
    private final boolean postgres;
    private final int batchSize;
    private final BlockingQueue<Pending> queue;
    private volatile boolean running = true;

    /**
     * @param completions where a transaction's writes are completed, all in one task: the
     *                    callbacks waiting on them then run on that thread, and the writer wakes it
     *                    once per transaction, not once per write (the actors' dispatcher)
     * @param postgres    whether the database is PostgreSQL (events and tags in one statement)
     * @param batchSize   most rows in one transaction (a single larger write still goes alone)
     * @param capacity    most writes waiting; beyond it a write fails at once
     */
    JournalWriter(Connections connections, Executor completions, boolean postgres, int batchSize, int capacity,
            String threadName) {
        this.connections = connections;
        this.completions = completions;
        this.postgres = postgres;
        this.batchSize = batchSize;
        this.queue = new LinkedBlockingQueue<>(capacity);
        Thread thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes once the rows are committed, exceptionally if they are not. */
    CompletableFuture<Void> write(List<Row> rows) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (rows.isEmpty()) {
            done.complete(null);
        } else if (!running) {
            done.completeExceptionally(new IllegalStateException("the journal writer is stopped"));
        } else if (!queue.offer(new Pending(rows, done))) {
            done.completeExceptionally(new IllegalStateException("the journal's write queue is full ("
                    + (queue.size() + queue.remainingCapacity()) + " writes waiting); raise jdbc-journal.bufferSize"));
        } else if (!running) {
            failWaiting(); // stopped between the check and the offer
        }
        return done;
    }

    /**
     * Stops after the transaction in progress (within a second when idle); writes still waiting
     * fail. The thread is not interrupted: an interrupt closes H2's file channels under it.
     */
    void stop() {
        running = false;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        try {
            while (running) {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (!running) {
                    break; // stopped while waiting: fails below
                }
                int rows = first.rows().size();
                Pending next;
                while ((next = queue.peek()) != null && rows + next.rows().size() <= batchSize) {
                    batch.add(queue.poll());
                    rows += next.rows().size();
                }
                commit(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            log.error("the journal writer stopped: {}; every later journal write fails", e.toString());
            throw e;
        } finally {
            // Stopped, or killed by an Error: no write may wait forever. Later writes fail at once.
            running = false;
            queue.drainTo(batch);
            failAll(batch);
        }
    }

    private void failWaiting() {
        List<Pending> waiting = new ArrayList<>();
        queue.drainTo(waiting);
        failAll(waiting);
    }

    private static void failAll(List<Pending> writes) {
        IllegalStateException stopped = new IllegalStateException("the journal writer stopped");
        writes.forEach(p -> p.done().completeExceptionally(stopped));
    }

    private void commit(List<Pending> batch) {
        List<Pending> written = List.copyOf(batch);
        try {
            insert(written);
        } catch (SQLException | RuntimeException e) {
            log.warn("journal write of {} events failed: {}", written.stream().mapToInt(p -> p.rows().size()).sum(),
                    e.toString());
            complete(() -> written.forEach(p -> p.done().completeExceptionally(e)));
            return;
        }
        complete(() -> written.forEach(p -> p.done().complete(null)));
    }

    private void complete(Runnable task) {
        try {
            completions.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // the dispatcher is shutting down: no write may wait forever
        }
    }

    private void insert(List<Pending> batch) throws SQLException {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                if (postgres) {
                    insertEventsWithTags(c, batch);
                } else {
                    insertTags(c, batch, insertEvents(c, batch));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static long[] insertEvents(Connection c, List<Pending> batch) throws SQLException {
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT, new String[] {"ordering"})) {
            for (Pending p : batch) {
                for (Row r : p.rows()) {
                    bind(ps, r);
                    ps.addBatch();
                    count++;
                }
            }
            ps.executeBatch();
            long[] ordering = new long[count];
            int i = 0;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next() && i < count) {
                    ordering[i++] = keys.getLong(1);
                }
            }
            if (i != count) {
                throw new IllegalStateException("the database returned " + i + " generated orderings for " + count + " events");
            }
            return ordering;
        }
    }

    /**
     * An event without tags (every User event) is a plain insert: the {@code WITH} statement with an
     * empty tag array cost PostgreSQL about 4 µs more per event ({@code pgbench}, bench/README.md).
     * Runs of events of one kind go as one batch, in the order they were offered.
     */
    private static void insertEventsWithTags(Connection c, List<Pending> batch) throws SQLException {
        try (PreparedStatement plain = c.prepareStatement(INSERT_EVENT);
             PreparedStatement tagged = c.prepareStatement(INSERT_EVENT_WITH_TAGS)) {
            PreparedStatement pending = null;
            for (Pending p : batch) {
                for (Row r : p.rows()) {
                    PreparedStatement ps = r.tags().isEmpty() ? plain : tagged;
                    if (pending != null && pending != ps) {
                        pending.executeBatch();
                    }
                    pending = ps;
                    bind(ps, r);
                    if (ps == tagged) {
                        ps.setArray(13, c.createArrayOf("varchar", r.tags().toArray()));
                    }
                    ps.addBatch();
                }
            }
            if (pending != null) {
                pending.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, Row r) throws SQLException {
        ps.setBoolean(1, r.deleted());
        ps.setString(2, r.persistenceId());
        ps.setLong(3, r.sequenceNr());
        ps.setString(4, r.writer());
        ps.setLong(5, r.timestamp());
        ps.setString(6, r.adapterManifest());
        ps.setBytes(7, r.payload());
        ps.setInt(8, r.serId());
        ps.setString(9, r.serManifest());
        if (r.metaPayload() == null) {
            ps.setNull(10, Types.BINARY);
            ps.setNull(11, Types.INTEGER);
            ps.setNull(12, Types.VARCHAR);
        } else {
            ps.setBytes(10, r.metaPayload());
            ps.setInt(11, r.metaSerId());
            ps.setString(12, r.metaSerManifest());
        }
    }

    private static void insertTags(Connection c, List<Pending> batch, long[] ordering) throws SQLException {
        boolean any = false;
        try (PreparedStatement ps = c.prepareStatement(INSERT_TAG)) {
            int i = 0;
            for (Pending p : batch) {
                for (Row r : p.rows()) {
                    for (String tag : r.tags()) {
                        ps.setLong(1, ordering[i]);
                        ps.setString(2, tag);
                        ps.addBatch();
                        any = true;
                    }
                    i++;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }
}
