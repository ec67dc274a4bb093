package im.hearth.persistence.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.serial.SampleEvents;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every supported database must show: migrations are idempotent, and what
 * one actor system persists through pekko-persistence-jdbc another one recovers and queries
 * completely, in order. Subclasses supply the database.
 */
abstract class JournalContract {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicInteger systems = new AtomicInteger();

  /** A migrated or unmigrated database that lives as long as the test class. */
  abstract DatabaseSettings settings();

  @Test
  void migrationsRunTwiceWithoutError() throws SQLException {
    Migrations.migrate(settings());
    Migrations.migrate(settings());

    try (Connection c = connect()) {
      assertEquals(1, count(c, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\""));
      for (String table : List.of("event_journal", "event_tag", "snapshot")) {
        count(c, "SELECT COUNT(*) FROM \"" + table + "\""); // throws if the table is missing
      }
    }
  }

  @Test
  void secondActorSystemRecoversEveryEventInOrderFromSnapshotAndJournal() {
    String jid = "replay-" + systems.incrementAndGet() + "@example.net";
    List<UserEvent> written = history(jid, 12);
    persistInFirstSystem(jid, written, 10);

    ActorTestKit second = startSystem();
    try {
      TestProbe<ReplayProbeEntity.State> state = second.createTestProbe();
      second.spawn(ReplayProbeEntity.create(jid, second.<Long>createTestProbe().ref()))
          .tell(new ReplayProbeEntity.Get(state.ref()));
      ReplayProbeEntity.State recovered = state.expectMessageClass(ReplayProbeEntity.State.class, WAIT);

      assertEquals(written, recovered.events());
      assertEquals(10, recovered.eventsFromSnapshot(), "recovery starts from the latest snapshot");
    } finally {
      second.shutdownTestKit();
    }
  }

  @Test
  void journalRowsNameTheEventClassAndTheJacksonCborSerializer() throws SQLException {
    String jid = "rows-" + systems.incrementAndGet() + "@example.net";
    List<UserEvent> written = history(jid, 3);
    persistInFirstSystem(jid, written, 0);

    try (Connection c = connect();
        PreparedStatement q = c.prepareStatement("SELECT \"event_ser_id\", \"event_ser_manifest\" FROM \"event_journal\""
            + " WHERE \"persistence_id\" = ? ORDER BY \"sequence_number\"")) {
      q.setString(1, PersistenceIds.user(jid));
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getInt(1) + " " + rs.getString(2));
        }
      }
      // 33 is jackson-cbor's fixed serializer id in Pekko.
      assertEquals(written.stream().map(e -> "33 " + e.getClass().getName()).toList(), rows);
    }
  }

  @Test
  void readJournalReturnsEveryEventOnceInOrderByPersistenceIdAndByTag() throws Exception {
    String jid = "query-" + systems.incrementAndGet() + "@example.net";
    List<UserEvent> written = history(jid, 7);
    persistInFirstSystem(jid, written, 5);

    ActorTestKit second = startSystem();
    try {
      JdbcReadJournal journal = readJournal(second);

      List<EventEnvelope> byId = journal
          .currentEventsByPersistenceId(PersistenceIds.user(jid), 0, Long.MAX_VALUE)
          .runWith(Sink.seq(), second.system())
          .toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(LongStream.rangeClosed(1, written.size()).boxed().toList(),
          byId.stream().map(EventEnvelope::sequenceNr).toList());
      assertEquals(written, byId.stream().map(EventEnvelope::event).toList());

      List<EventEnvelope> byTag = byTag(journal, second, ReplayProbeEntity.tagOf(jid), Offset.noOffset(), jid);
      assertEquals(written, byTag.stream().map(EventEnvelope::event).toList());
      List<Long> offsets = byTag.stream().map(e -> ((Sequence) e.offset()).value()).toList();
      assertEquals(offsets.stream().sorted().distinct().toList(), offsets, "offsets strictly increase");
    } finally {
      second.shutdownTestKit();
    }
  }

  /**
   * eventsByTag through {@link TagFirstReadJournalDao}: after an offset, only the tag's events, each
   * once, in journal order, whatever other tags were written between them.
   */
  @Test
  void eventsByTagAfterAnOffsetReturnsOnlyThatTagsLaterEvents() throws Exception {
    String a = "tag-a-" + systems.incrementAndGet() + "@example.net";
    String b = otherTag(a);
    List<UserEvent> aEvents = history(a, 6);
    persistInFirstSystem(a, aEvents.subList(0, 3), 0);
    persistInFirstSystem(b, history(b, 4), 0);
    ActorTestKit second = startSystem();
    try {
      JdbcReadJournal journal = readJournal(second);
      List<EventEnvelope> first = byTag(journal, second, ReplayProbeEntity.tagOf(a), Offset.noOffset(), a);
      assertEquals(aEvents.subList(0, 3), first.stream().map(EventEnvelope::event).toList());
      Offset after = first.get(first.size() - 1).offset();
      second.shutdownTestKit();
      persist(a, aEvents.subList(3, 6), 3, 0);
      second = startSystem();
      journal = readJournal(second);
      List<EventEnvelope> rest = byTag(journal, second, ReplayProbeEntity.tagOf(a), after, null);
      List<EventEnvelope> mine = rest.stream().filter(e -> e.persistenceId().equals(PersistenceIds.user(a))).toList();
      assertEquals(aEvents.subList(3, 6), mine.stream().map(EventEnvelope::event).toList());
      assertEquals(List.of(4L, 5L, 6L), mine.stream().map(EventEnvelope::sequenceNr).toList());
      assertEquals(true, rest.stream().noneMatch(e -> e.persistenceId().equals(PersistenceIds.user(b))),
          "no event of " + b + " (another tag)");
    } finally {
      second.shutdownTestKit();
    }
  }

  /**
   * The tag no event carries, {@link PersistenceIds#ALL_USER_EVENTS}: every User event of the
   * journal, each once, in journal order, whatever its own tags, and no event of another entity
   * type; after an offset, only the later ones.
   */
  @Test
  void allUserEventsAreReadByPersistenceIdTypeWhateverTheirTags() throws Exception {
    String a = "all-a-" + systems.incrementAndGet() + "@example.net";
    String b = otherTag(a);
    String session = "all-session-" + systems.incrementAndGet();
    List<UserEvent> aEvents = history(a, 4);
    List<UserEvent> bEvents = history(b, 3);
    persistInFirstSystem(a, aEvents.subList(0, 2), 0);
    persistSession(session, history(a, 2));
    persistInFirstSystem(b, bEvents, 0);
    persist(a, aEvents.subList(2, 4), 2, 0);
    try (Connection c = connect()) {
      assertEquals(2, count(c, "SELECT COUNT(*) FROM \"event_journal\" WHERE \"persistence_id\" = '"
          + PersistenceIds.session(session) + "'"), "the Session events are in the journal");
    }
    List<String> ours = List.of(PersistenceIds.user(a), PersistenceIds.user(b));
    ActorTestKit second = startSystem();
    try {
      JdbcReadJournal journal = readJournal(second);
      List<EventEnvelope> all = byTag(journal, second, PersistenceIds.ALL_USER_EVENTS, Offset.noOffset(), null);
      assertEquals(List.of(), all.stream().map(EventEnvelope::persistenceId)
          .filter(id -> !id.startsWith("User|")).toList(), "only User events");
      List<Long> offsets = all.stream().map(e -> ((Sequence) e.offset()).value()).toList();
      assertEquals(offsets.stream().sorted().distinct().toList(), offsets, "offsets strictly increase");
      List<EventEnvelope> mine = all.stream().filter(e -> ours.contains(e.persistenceId())).toList();
      List<UserEvent> inWriteOrder = new ArrayList<>(aEvents.subList(0, 2));
      inWriteOrder.addAll(bEvents);
      inWriteOrder.addAll(aEvents.subList(2, 4));
      assertEquals(inWriteOrder, mine.stream().map(EventEnvelope::event).toList());

      List<EventEnvelope> later = byTag(journal, second, PersistenceIds.ALL_USER_EVENTS, mine.get(4).offset(), null);
      assertEquals(aEvents.subList(2, 4), later.stream().filter(e -> ours.contains(e.persistenceId()))
          .map(EventEnvelope::event).toList());
    } finally {
      second.shutdownTestKit();
    }
  }

  private static JdbcReadJournal readJournal(ActorTestKit kit) {
    return PersistenceQuery.get(kit.system().classicSystem())
        .getReadJournalFor(JdbcReadJournal.class, PekkoPersistenceConfig.READ_JOURNAL_PLUGIN_ID);
  }

  private static List<EventEnvelope> byTag(JdbcReadJournal journal, ActorTestKit kit, String tag, Offset from,
      String onlyOf) throws Exception {
    return journal.currentEventsByTag(tag, from)
        .filter(e -> onlyOf == null || e.persistenceId().equals(PersistenceIds.user(onlyOf)))
        .runWith(Sink.seq(), kit.system())
        .toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
  }

  /** A JID whose events carry a different tag than {@code jid}'s. */
  private static String otherTag(String jid) {
    for (int i = 0; ; i++) {
      String other = "tag-b-" + i + "-" + jid;
      if (!ReplayProbeEntity.tagOf(other).equals(ReplayProbeEntity.tagOf(jid))) {
        return other;
      }
    }
  }

  /** eventsByTag reads one tag after an offset: without an index led by the tag, every poll scans the table. */
  @Test
  void eventTagsAreIndexedByTag() throws SQLException {
    Migrations.migrate(settings());
    try (Connection c = connect()) {
      List<String> leading = new ArrayList<>();
      for (String table : List.of("event_tag", "EVENT_TAG")) {
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
          while (rs.next()) {
            if (rs.getShort("ORDINAL_POSITION") == 1) {
              leading.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
          }
        }
      }
      assertEquals(true, leading.contains("tag"), "an index of event_tag starts with tag: " + leading);
    }
  }

  /**
   * Thousands of entities persisting at the same moment (a mass disconnect, a login burst) are
   * all written: the journal's write queue must hold more than the library's default of 1000,
   * which rejected the rest and opened the journal's circuit breaker for everyone.
   */
  @Test
  void thousandsOfEntitiesPersistingAtOnceAreAllWritten() {
    Migrations.migrate(settings());
    ActorTestKit system = startSystem();
    try {
      int entities = 3000;
      TestProbe<Integer> acks = system.createTestProbe();
      List<ActorRef<ReplayProbeEntity.Command>> refs = new ArrayList<>();
      String prefix = "burst-" + systems.incrementAndGet() + "-";
      for (int i = 0; i < entities; i++) {
        refs.add(system.spawn(ReplayProbeEntity.create(prefix + i + "@example.net", system.<Long>createTestProbe().ref())));
      }
      for (int i = 0; i < entities; i++) {
        refs.get(i).tell(new ReplayProbeEntity.Append(new AccountCreated(prefix + i + "@example.net",
            SampleEvents.credentials("c2FsdA=="), SampleEvents.T0), acks.ref()));
      }
      List<Integer> answers = acks.receiveSeveralMessages(entities, Duration.ofSeconds(120));
      assertEquals(entities, answers.stream().filter(n -> n == 1).count(), "every entity holds its one event");
    } finally {
      system.shutdownTestKit();
    }
  }

  /** An account's first events, then enough archived messages to reach {@code size}. */
  private static List<UserEvent> history(String jid, int size) {
    List<UserEvent> events = new ArrayList<>();
    events.add(new AccountCreated(jid, SampleEvents.credentials("c2FsdA=="), SampleEvents.T0));
    events.addAll(SampleEvents.userEvents().subList(1, SampleEvents.userEvents().size()));
    for (int i = events.size(); i < size; i++) {
      events.add(new MessageArchived("x" + i, SampleEvents.T0.plusSeconds(10 + i), MessageArchived.Direction.OUTGOING,
          "bob@example.org", SampleEvents.chat(jid + "/phone", "bob@example.org", "m" + i, "message " + i)));
    }
    return List.copyOf(events.subList(0, size));
  }

  /** Persists the events one by one, waits until the snapshot at {@code lastSnapshot} is stored, stops. */
  private void persistInFirstSystem(String jid, List<UserEvent> events, long lastSnapshot) {
    persist(jid, events, 0, lastSnapshot);
  }

  /** Appends to a journal that holds {@code already} events, in a fresh actor system, then stops it. */
  private void persist(String jid, List<UserEvent> events, int already, long lastSnapshot) {
    Migrations.migrate(settings());
    ActorTestKit first = startSystem();
    try {
      TestProbe<Long> snapshots = first.createTestProbe();
      TestProbe<Integer> acks = first.createTestProbe();
      ActorRef<ReplayProbeEntity.Command> entity = first.spawn(ReplayProbeEntity.create(jid, snapshots.ref()));
      for (int i = 0; i < events.size(); i++) {
        entity.tell(new ReplayProbeEntity.Append(events.get(i), acks.ref()));
        acks.expectMessage(WAIT, already + i + 1);
      }
      for (long seq = ReplayProbeEntity.SNAPSHOT_EVERY; seq <= lastSnapshot; seq += ReplayProbeEntity.SNAPSHOT_EVERY) {
        snapshots.expectMessage(WAIT, seq);
      }
    } finally {
      first.shutdownTestKit();
    }
  }

  /** Persists the events under a Session persistence id, in a fresh actor system, then stops it. */
  private void persistSession(String sessionId, List<UserEvent> events) {
    ActorTestKit system = startSystem();
    try {
      TestProbe<Integer> acks = system.createTestProbe();
      ActorRef<ReplayProbeEntity.Command> entity =
          system.spawn(ReplayProbeEntity.session(sessionId, system.<Long>createTestProbe().ref()));
      for (int i = 0; i < events.size(); i++) {
        entity.tell(new ReplayProbeEntity.Append(events.get(i), acks.ref()));
        acks.expectMessage(WAIT, i + 1);
      }
    } finally {
      system.shutdownTestKit();
    }
  }

  private ActorTestKit startSystem() {
    Config config = PekkoPersistenceConfig.forDatabase(settings()).withFallback(ConfigFactory.load());
    return ActorTestKit.create(getClass().getSimpleName() + "-" + systems.incrementAndGet(), config);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(settings().url(), settings().user(), settings().password());
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
