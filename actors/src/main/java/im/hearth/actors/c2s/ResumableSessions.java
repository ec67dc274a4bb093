package im.hearth.actors.c2s;

import java.time.Duration;
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
