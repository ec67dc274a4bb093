package im.hearth.actors.c2s;

import im.hearth.persistence.db.PekkoPersistenceConfig;
import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.event.session.SessionHibernated;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * This node's resumable sessions (XEP-0198 section 5), by session id: where a new stream looks
 * for the stream it resumes. A session that is not here (its node restarted, or it lived on
 * another node that is gone) is recovered from its journal by spawning a session with its
 * persistence id. On a graceful shutdown every resumable session saves its state first, so a
 * restarted node can resume it.
 */
public final class ResumableSessions {
    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Duration SAVE_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, ActorRef<Session.Command>> byId = new ConcurrentHashMap<>();

    void add(String id, ActorRef<Session.Command> session) {
        byId.put(id, session);
    }

    void remove(String id, ActorRef<Session.Command> session) {
        byId.remove(id, session);
    }

    public int count() {
        return byId.size();
    }

    /**
     * The session with this id: the live one, or one recovered from its journal. Only ids this
     * server hands out (UUIDs) are looked up, so garbage never reaches the journal.
     */
    java.util.Optional<ActorRef<Session.Command>> find(String id, ActorSystem<?> system, SessionServices services) {
        if (!SESSION_ID.matcher(id).matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(byId.computeIfAbsent(id, key ->
                system.systemActorOf(Session.recover(services, key), "session-" + key + "-" + System.nanoTime(),
                        Props.empty())));
    }

    /**
     * After a start: brings back every session that hibernated within the resumption timeout and
     * was not closed since (each decides from its own journal), so that one nobody resumes still
     * expires and hands its unacknowledged messages to offline storage. Reads every hibernation
     * event ever tagged; only for a node that is a cluster of one (in a cluster, another node may
     * still hold the live session).
     */
    public CompletionStage<Integer> recoverHibernated(ActorSystem<?> system, SessionServices services) {
        JdbcReadJournal journal = PersistenceQuery.get(system)
                .getReadJournalFor(JdbcReadJournal.class, PekkoPersistenceConfig.READ_JOURNAL_PLUGIN_ID);
        Instant since = Instant.now().minus(services.sm().resumeTimeout());
        String prefix = PersistenceIds.SESSION_TYPE + PersistenceIds.SEPARATOR;
        return journal.currentEventsByTag(SessionHibernated.TAG, Offset.noOffset())
                .filter(env -> env.event() instanceof SessionHibernated h && h.at().isAfter(since))
                .map(env -> env.persistenceId().substring(prefix.length()))
                .runWith(Sink.seq(), system)
                .thenApply(ids -> {
                    java.util.Set<String> distinct = new java.util.LinkedHashSet<>(ids);
                    distinct.forEach(id -> find(id, system, services));
                    return distinct.size();
                });
    }

    /** Has every resumable session save its state when the node shuts down gracefully. */
    public void saveOnShutdown(ActorSystem<?> system) {
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "hibernate-c2s-sessions",
                () -> saveAll(system));
    }

    CompletionStage<Done> saveAll(ActorSystem<?> system) {
        List<CompletableFuture<Done>> saves = new ArrayList<>();
        for (ActorRef<Session.Command> session : byId.values()) {
            saves.add(AskPattern.<Session.Command, Done>ask(session, Session.Shutdown::new, SAVE_TIMEOUT,
                    system.scheduler()).toCompletableFuture().exceptionally(e -> Done.getInstance()));
        }
        return CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).thenApply(v -> Done.getInstance());
    }
}
