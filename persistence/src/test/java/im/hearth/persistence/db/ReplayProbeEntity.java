package im.hearth.persistence.db;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.serial.StoredData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.SnapshotCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * Test-only entity that persists whatever UserEvent it is given under the real User persistence
 * id (or a Session one) with one of four test tags, snapshots every {@value #SNAPSHOT_EVERY} events,
 * and reports what recovery gave it.
 */
final class ReplayProbeEntity extends EventSourcedBehavior<ReplayProbeEntity.Command, UserEvent, ReplayProbeEntity.State> {

  static final int SNAPSHOT_EVERY = 5;

  sealed interface Command {}

  /** Persist the event; the reply is the number of events the entity now holds. */
  record Append(UserEvent event, ActorRef<Integer> replyTo) implements Command {}

  record Get(ActorRef<State> replyTo) implements Command {}

  /**
   * @param events every event, from the snapshot and the journal, in order
   * @param eventsFromSnapshot how many of them recovery took from a snapshot
   */
  record State(List<UserEvent> events, int eventsFromSnapshot) {
    State append(UserEvent e) {
      List<UserEvent> next = new ArrayList<>(events);
      next.add(e);
      return new State(List.copyOf(next), eventsFromSnapshot);
    }
  }

  /** What is stored; the element type is needed because the list holds several event classes. */
  record Snapshot(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) List<UserEvent> events) implements StoredData {}

  private final String tag;
  private final ActorRef<Long> snapshotsSaved;

  private ReplayProbeEntity(String persistenceId, String key, ActorRef<Long> snapshotsSaved) {
    super(PersistenceId.ofUniqueId(persistenceId));
    this.tag = tagOf(key);
    this.snapshotsSaved = snapshotsSaved;
  }

  /** The one tag of every event of the entity with this key: {@code probe-0} to {@code probe-3}. */
  static String tagOf(String key) {
    return "probe-" + Math.floorMod(key.hashCode(), 4);
  }

  /** @param snapshotsSaved told the sequence number of every snapshot once it is stored */
  static Behavior<Command> create(String bareJid, ActorRef<Long> snapshotsSaved) {
    return new ReplayProbeEntity(PersistenceIds.user(bareJid), bareJid, snapshotsSaved);
  }

  /** The same under a Session persistence id: the journal holds more than User events. */
  static Behavior<Command> session(String sessionId, ActorRef<Long> snapshotsSaved) {
    return new ReplayProbeEntity(PersistenceIds.session(sessionId), sessionId, snapshotsSaved);
  }

  @Override
  public State emptyState() {
    return new State(List.of(), 0);
  }

  @Override
  public CommandHandler<Command, UserEvent, State> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Append.class, (state, cmd) ->
            Effect().persist(cmd.event()).thenReply(cmd.replyTo(), s -> s.events().size()))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
        .build();
  }

  @Override
  public EventHandler<State, UserEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::append);
  }

  @Override
  public Set<String> tagsFor(UserEvent event) {
    return Set.of(tag);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  @Override
  public SnapshotAdapter<State> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(State state) {
        return new Snapshot(state.events());
      }

      @Override
      public State fromJournal(Object from) {
        List<UserEvent> events = ((Snapshot) from).events();
        return new State(events, events.size());
      }
    };
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(SnapshotCompleted.class, (state, done) -> snapshotsSaved.tell(done.metadata().sequenceNr()))
        .build();
  }
}
