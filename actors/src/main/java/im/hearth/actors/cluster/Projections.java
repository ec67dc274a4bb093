package im.hearth.actors.cluster;

import im.hearth.persistence.projection.archive.ArchiveProjection;
import im.hearth.persistence.projection.archive.ArchiveStore;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.projection.ProjectionBehavior;

/**
 * The one place that starts every read-side projection, read top to bottom: each runs once in the
 * cluster as a sharded daemon process (on a single node, there).
 */
public final class Projections {

    private Projections() {
    }

    public static void init(ActorSystem<?> system, ArchiveStore archive) {
        ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, ArchiveProjection.NAME,
                1, i -> ProjectionBehavior.create(ArchiveProjection.create(system, archive)),
                ShardedDaemonProcessSettings.create(system), Optional.of(ProjectionBehavior.stopMessage()));
    }
}
