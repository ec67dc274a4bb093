package im.hearth.actors.cluster;

import im.hearth.persistence.event.PersistenceIds;
import im.hearth.persistence.projection.archive.ArchiveProjection;
import im.hearth.persistence.projection.archive.ArchiveStore;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.projection.ProjectionBehavior;

/**
 * The one place that starts every read-side projection, read top to bottom: each runs once per
 * tag in the cluster as a sharded daemon process (on a single node, all of them there).
 */
public final class Projections {

    private Projections() {
    }

    public static void init(ActorSystem<?> system, ArchiveStore archive) {
        ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, ArchiveProjection.NAME,
                PersistenceIds.USER_TAG_COUNT,
                i -> ProjectionBehavior.create(ArchiveProjection.forTag(system, archive, PersistenceIds.USER_TAGS.get(i))),
                ShardedDaemonProcessSettings.create(system), Optional.of(ProjectionBehavior.stopMessage()));
    }
}
