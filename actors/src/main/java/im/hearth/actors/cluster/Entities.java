package im.hearth.actors.cluster;

import im.hearth.actors.routing.Router;
import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.actors.user.UserEntity;
import im.hearth.actors.user.UserServices;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;

/** The one place that initialises every sharded entity type, read top to bottom. */
public final class Entities {

    private Entities() {
    }

    public static void init(ActorSystem<?> system, Router router, FeatureCatalogue features) {
        ClusterSharding sharding = ClusterSharding.get(system);
        UserServices users = new UserServices(router::route, router::answerAsServer, features.accountFeatures());
        sharding.init(Entity.of(UserEntity.TYPE_KEY, ctx -> UserEntity.create(ctx, users)));
    }
}
