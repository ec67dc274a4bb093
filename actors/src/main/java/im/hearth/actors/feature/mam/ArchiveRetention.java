package im.hearth.actors.feature.mam;

import im.hearth.actors.user.UserEntity;
import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.projection.archive.ArchiveRepository;
import im.hearth.persistence.projection.archive.Sql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention sweep ({@code hearth.archive.expires-after}, like Prosody's archive_expires_after):
 * for each user with messages archived before now minus the retention, the User entity first
 * persists an {@code ArchiveExpired} marker (so the journal's newest row is never one the sweep
 * deletes), then those messages are deleted from the archive index and their events from the
 * journal, in one transaction. Users are swept one at a time, on the blocking JDBC dispatcher.
 * Every node of a cluster sweeps; doing it twice deletes nothing twice.
 */
public final class ArchiveRetention {
    private static final Logger log = LoggerFactory.getLogger(ArchiveRetention.class);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

    private final ActorSystem<?> system;
    private final ArchiveRepository repository;
    private final Executor jdbc;
    private final Duration retention;
    private final Clock clock;

    public ArchiveRetention(ActorSystem<?> system, ArchiveRepository repository, Executor jdbc, Duration retention,
                            Clock clock) {
        this.system = system;
        this.repository = repository;
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    /** Starts the periodic sweep, the first one a minute after start; a sweep still running is not overlapped. */
    public static void schedule(ActorSystem<?> system, MamSettings settings, ArchiveRepository repository,
                                Executor jdbc) {
        settings.expiresAfter().ifPresent(retention -> {
            ArchiveRetention sweep = new ArchiveRetention(system, repository, jdbc, retention, Clock.systemUTC());
            AtomicBoolean running = new AtomicBoolean();
            system.scheduler().scheduleWithFixedDelay(Duration.ofMinutes(1), settings.sweepInterval(), () -> {
                if (running.compareAndSet(false, true)) {
                    sweep.sweep().whenComplete((n, failure) -> running.set(false));
                }
            }, system.executionContext());
        });
    }

    /** One sweep over every user with expired messages; completes with how many messages were removed. */
    public CompletionStage<Integer> sweep() {
        Instant cutoff = clock.instant().minus(retention);
        return CompletableFuture.supplyAsync(() -> Sql.run(() -> repository.usersWithMessagesBefore(cutoff)), jdbc)
                .thenCompose(users -> sweepUsers(users, 0, cutoff, 0))
                .exceptionally(failure -> {
                    log.error("Archive retention sweep failed (cutoff {})", cutoff, failure);
                    return 0;
                });
    }

    private CompletionStage<Integer> sweepUsers(List<String> users, int index, Instant cutoff, int removed) {
        if (index >= users.size()) {
            return CompletableFuture.completedFuture(removed);
        }
        String user = users.get(index);
        return AskPattern.<UserEntity.Command, Long>ask(
                        ClusterSharding.get(system).entityRefFor(UserEntity.TYPE_KEY, user),
                        replyTo -> new UserEntity.ExpireArchive(cutoff, replyTo), ASK_TIMEOUT, system.scheduler())
                .thenApplyAsync(markerSeqNr -> {
                    int n = Sql.run(() -> repository.deleteExpired(user, PersistenceIds.user(user), cutoff, markerSeqNr));
                    log.info("Archive retention: removed {} message(s) of {} archived before {}", n, user, cutoff);
                    return n;
                }, jdbc)
                .thenCompose(n -> sweepUsers(users, index + 1, cutoff, removed + n));
    }
}
