package im.hearth.persistence.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JournalWriter} on a real journal: group commit, all-or-nothing batches, a bounded queue.
 * Run on H2 ({@link JournalWriterTest}) and on PostgreSQL ({@link PostgresJournalWriterIT}), whose
 * writes take another statement (events and tags together).
 */
abstract class JournalWriterContract {

  private DatabaseSettings db;
  private final AtomicInteger transactions = new AtomicInteger();
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch open = new CountDownLatch(1);
  private final ExecutorService completionThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-completions"));
  private final AtomicInteger completionTasks = new AtomicInteger();
  /** Where the writer completes its writes; counts the tasks it is given. */
  private Executor completions = task -> {
    completionTasks.incrementAndGet();
    completionThread.execute(task);
  };
  private JournalWriter writer;

  /** A fresh, empty database for each test. */
  abstract DatabaseSettings freshDatabase() throws Exception;

  @BeforeEach
  void migrate() throws Exception {
    db = freshDatabase();
    Migrations.migrate(db);
  }

  @AfterEach
  void stop() {
    if (writer != null) {
      writer.stop();
    }
    completionThread.shutdownNow();
  }

  /**
   * A writer whose transactions wait until {@link #open} is counted down; {@link #entered} tells
   * that the writer has taken its first write and is waiting.
   */
  private JournalWriter writer(int batchSize, int capacity) {
    writer = new JournalWriter(() -> {
      entered.countDown();
      try {
        open.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      transactions.incrementAndGet();
      return connect();
    }, completions, db.kind() == DatabaseSettings.Kind.POSTGRES, batchSize, capacity, "test-journal-writer");
    return writer;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(db.url(), db.user(), db.password());
  }

  private static JournalWriter.Row row(String pid, long seqNr, Set<String> tags) {
    return new JournalWriter.Row(pid, seqNr, false, "w", 1L, "", new byte[] {1, 2, 3}, 33, "m",
        null, null, null, tags);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void writesWaitingDuringATransactionAreCommittedTogetherWithTheirTags() throws Exception {
    JournalWriter w = writer(400, 1000);
    List<CompletableFuture<Void>> done = new ArrayList<>();
    done.add(w.write(List.of(row("User|u0@x", 0, Set.of("user-0")))));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    for (int i = 1; i < 100; i++) {
      // Every fourth without tags: on PostgreSQL a plain insert, in a batch of its own.
      Set<String> tags = i % 4 == 0 ? Set.of() : Set.of("user-" + (i % 3));
      done.add(w.write(List.of(row("User|u" + (i % 10) + "@x", i, tags))));
    }
    open.countDown();
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    // The first went alone (the writer had taken it); the 99 that waited went together.
    assertEquals(2, transactions.get());
    assertEquals(100, count("SELECT count(*) FROM \"event_journal\""));
    assertEquals(76, count("SELECT count(*) FROM \"event_tag\""));
    assertEquals(76, count("SELECT count(*) FROM \"event_tag\" t JOIN \"event_journal\" j ON j.\"ordering\" = t.\"event_id\" "
        + "WHERE t.\"tag\" = 'user-' || MOD(j.\"sequence_number\", 3) AND MOD(j.\"sequence_number\", 4) <> 0 "
        + "OR j.\"sequence_number\" = 0"));
    // In the transaction of 99, tagged and untagged alike, each entity's orderings still follow its
    // sequence numbers.
    assertEquals(0, count("SELECT count(*) FROM \"event_journal\" a JOIN \"event_journal\" b "
        + "ON a.\"persistence_id\" = b.\"persistence_id\" AND a.\"sequence_number\" < b.\"sequence_number\" "
        + "WHERE a.\"ordering\" > b.\"ordering\""));
  }

  @Test
  void everyColumnOfAnEventIsStoredAsGivenWithOrWithoutMetadata() throws Exception {
    JournalWriter w = writer(400, 1000);
    open.countDown();
    // NUL, 0xff, a backslash, quotes, a newline: bytes a text encoding on the way could mangle.
    byte[] payload = {0, -1, 92, 39, 34, 10, 127, -128};
    byte[] meta = {92, 120, 48, 48, 0}; // "\x00" and a NUL
    w.write(List.of(
        new JournalWriter.Row("User|a@x", 1, false, "w1", 11L, "am", payload, 33, "m1", meta, 44, "mm", Set.of()),
        new JournalWriter.Row("User|a@x", 2, true, "w2", 12L, "", new byte[0], 35, "m2", null, null, null,
            Set.of("user-1")))).get(10, TimeUnit.SECONDS);
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT \"deleted\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", "
            + "\"event_ser_id\", \"event_ser_manifest\", \"meta_payload\", \"meta_ser_id\", \"meta_ser_manifest\" "
            + "FROM \"event_journal\" ORDER BY \"sequence_number\"")) {
      assertTrue(rs.next());
      assertEquals(List.of(false, "w1", 11L, "am", hex(payload), 33, "m1", hex(meta), 44, "mm"), columns(rs));
      assertTrue(rs.next());
      assertEquals(Arrays.asList(true, "w2", 12L, "", "", 35, "m2", null, null, null), columns(rs));
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The row's columns, byte arrays in hex. */
  private static List<Object> columns(ResultSet rs) throws SQLException {
    byte[] meta = rs.getBytes(8);
    return Arrays.asList(rs.getBoolean(1), rs.getString(2), rs.getLong(3), rs.getString(4), hex(rs.getBytes(5)),
        rs.getInt(6), rs.getString(7), meta == null ? null : hex(meta), rs.getObject(9), rs.getString(10));
  }

  @Test
  void aTransactionsWritesAreCompletedInOneTaskOnTheCompletionsExecutor() throws Exception {
    JournalWriter w = writer(400, 1000);
    List<CompletableFuture<String>> callbacks = new ArrayList<>();
    callbacks.add(w.write(List.of(row("User|a@x", 1, Set.of()))).thenApply(done -> Thread.currentThread().getName()));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    for (int i = 2; i <= 10; i++) {
      callbacks.add(w.write(List.of(row("User|a@x", i, Set.of()))).thenApply(done -> Thread.currentThread().getName()));
    }
    open.countDown();
    for (CompletableFuture<String> c : callbacks) {
      assertEquals("test-completions", c.get(10, TimeUnit.SECONDS));
    }
    assertEquals(2, transactions.get());
    assertEquals(2, completionTasks.get(), "one task per transaction");
  }

  @Test
  void writesAreStillCompletedWhenTheCompletionsExecutorRefuses() throws Exception {
    completions = task -> {
      throw new RejectedExecutionException("shutting down");
    };
    JournalWriter w = writer(400, 1000);
    open.countDown();
    w.write(List.of(row("User|a@x", 1, Set.of()))).get(10, TimeUnit.SECONDS);
    assertEquals(1, count("SELECT count(*) FROM \"event_journal\""));
  }

  @Test
  void everyTagOfAnEventIsWrittenWithItsOrderingAndAnUntaggedEventHasNone() throws Exception {
    JournalWriter w = writer(400, 1000);
    open.countDown();
    w.write(List.of(row("User|a@x", 1, Set.of("user-1", "archive-1")), row("User|a@x", 2, Set.of()),
        row("User|a@x", 3, Set.of("user-1")))).get(10, TimeUnit.SECONDS);
    assertEquals(3, count("SELECT count(*) FROM \"event_tag\""));
    assertEquals(3, count("SELECT count(*) FROM \"event_tag\" t JOIN \"event_journal\" j ON j.\"ordering\" = t.\"event_id\" "
        + "WHERE (j.\"sequence_number\" = 1 AND t.\"tag\" IN ('user-1', 'archive-1')) "
        + "OR (j.\"sequence_number\" = 3 AND t.\"tag\" = 'user-1')"));
    // Orderings follow the sequence numbers of one entity's events, as the read side requires.
    assertEquals(1, count("SELECT count(*) FROM \"event_journal\" a JOIN \"event_journal\" b "
        + "ON a.\"sequence_number\" = 1 AND b.\"sequence_number\" = 3 WHERE a.\"ordering\" < b.\"ordering\""));
  }

  @Test
  void aFailedTransactionFailsEveryWriteInItAndKeepsNoneOfItsRows() throws Exception {
    JournalWriter w = writer(400, 1000);
    CompletableFuture<Void> first = w.write(List.of(row("User|a@x", 1, Set.of())));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    CompletableFuture<Void> good = w.write(List.of(row("User|b@x", 1, Set.of("user-1"))));
    CompletableFuture<Void> duplicate = w.write(List.of(row("User|a@x", 1, Set.of())));
    open.countDown();
    first.get(10, TimeUnit.SECONDS);
    assertThrows(ExecutionException.class, () -> duplicate.get(10, TimeUnit.SECONDS));
    assertThrows(ExecutionException.class, () -> good.get(10, TimeUnit.SECONDS));
    assertEquals(1, count("SELECT count(*) FROM \"event_journal\""));
    assertEquals(0, count("SELECT count(*) FROM \"event_tag\""));
    // The writer goes on after a failed transaction.
    w.write(List.of(row("User|b@x", 1, Set.of("user-1")))).get(10, TimeUnit.SECONDS);
    assertEquals(2, count("SELECT count(*) FROM \"event_journal\""));
  }

  @Test
  void aWriteBeyondTheQueuesCapacityFailsAtOnce() throws Exception {
    JournalWriter w = writer(400, 2);
    CompletableFuture<Void> a = w.write(List.of(row("User|a@x", 1, Set.of())));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    CompletableFuture<Void> b = w.write(List.of(row("User|a@x", 2, Set.of())));
    CompletableFuture<Void> c = w.write(List.of(row("User|a@x", 3, Set.of())));
    CompletableFuture<Void> over = w.write(List.of(row("User|a@x", 4, Set.of())));
    ExecutionException e = assertThrows(ExecutionException.class, () -> over.get(1, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("bufferSize"), e.getCause().getMessage());
    open.countDown();
    CompletableFuture.allOf(a, b, c).get(10, TimeUnit.SECONDS);
    assertEquals(3, count("SELECT count(*) FROM \"event_journal\""));
  }

  @Test
  void aStoppedWriterFailsTheWritesWaitingAndEveryLaterOne() throws Exception {
    JournalWriter w = writer(400, 1000);
    CompletableFuture<Void> inFlight = w.write(List.of(row("User|a@x", 1, Set.of())));
    assertTrue(entered.await(10, TimeUnit.SECONDS));
    CompletableFuture<Void> waiting = w.write(List.of(row("User|a@x", 2, Set.of())));
    w.stop();
    open.countDown();
    inFlight.get(10, TimeUnit.SECONDS); // the transaction under way still commits
    assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
    CompletableFuture<Void> later = w.write(List.of(row("User|a@x", 3, Set.of())));
    assertThrows(ExecutionException.class, () -> later.get(1, TimeUnit.SECONDS));
    assertEquals(1, count("SELECT count(*) FROM \"event_journal\""));
  }
}
