package im.hearth.actors.cluster;

import im.hearth.actors.routing.Router;
import im.hearth.actors.user.UserEntity;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;

/** The one place that initialises every sharded entity type, read top to bottom. */
public final class Entities {

    private Entities() {
    }

    public static void init(ActorSystem<?> system, Router router) {
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(UserEntity.TYPE_KEY, ctx -> UserEntity.create(ctx, router::route, router::answerAsServer)));
    }
}
