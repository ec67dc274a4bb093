package im.hearth.actors.user;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.persistence.event.user.StoredCredential;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;

/**
 * One User entity with an account, some account features, a probe as the router and probes as
 * sessions, under Pekko's EventSourcedBehaviorTestKit with its serialization checks on.
 */
final class EntityHarness {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    static final Duration QUIET = Duration.ofMillis(300);

    final ActorTestKit testKit;
    final String jid;
    final TestProbe<Element> routed;
    final EventSourcedBehaviorTestKit<UserEntity.Command, UserEvent, UserState> entity;

    EntityHarness(ActorTestKit testKit, String local, List<AccountFeature> features) {
        this.testKit = testKit;
        this.jid = local + COUNTER.incrementAndGet() + "@localhost";
        this.routed = testKit.createTestProbe(Element.class);
        TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe(ClusterSharding.ShardCommand.class);
        EntityContext<UserEntity.Command> ctx = new EntityContext<>(UserEntity.TYPE_KEY, jid, shard.ref());
        UserServices services = new UserServices(e -> routed.ref().tell(e), iq -> Optional.empty(), features);
        this.entity = EventSourcedBehaviorTestKit.create(testKit.system(), UserEntity.create(ctx, services),
                EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
        entity.<UserEntity.Result>runCommand(r -> new UserEntity.CreateAccount(
                List.of(new StoredCredential(StoredCredential.SCRAM_SHA_256, "c2FsdA==", 4096, "c3RvcmVk", "c2VydmVy")), r));
    }

    static ActorTestKit testKit(String name) {
        return ActorTestKit.create(name, ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(EventSourcedBehaviorTestKit.config()).withFallback(ConfigFactory.load()));
    }

    /** A bound session that sent available presence (its own broadcasts are drained). */
    TestProbe<SessionMessage> online(String resource) {
        TestProbe<SessionMessage> session = bound(resource);
        entity.<Done>runCommand(r -> new UserEntity.UpdatePresence(resource,
                XmlReader.parse("<presence xmlns='jabber:client' from='" + jid + "/" + resource + "'/>"), r));
        return session;
    }

    TestProbe<SessionMessage> bound(String resource) {
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        entity.<UserEntity.BindResult>runCommand(r -> new UserEntity.BindResource(resource, session.ref(), r));
        return session;
    }

    /** An IQ one of the account's sessions sends to its account. */
    void accountIq(String resource, String xml) {
        entity.<Done>runCommand(r -> new UserEntity.AccountIq(resource, XmlReader.parse(xml), r));
    }

    CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> deliver(String xml) {
        return entity.runCommand(r -> new UserEntity.Deliver(XmlReader.parse(xml), r));
    }

    CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> send(String xml) {
        return entity.runCommand(r -> new UserEntity.Send(XmlReader.parse(xml), r));
    }

    /** The next stanza a session is sent that is not presence (broadcasts of the account's own resources). */
    static Element next(TestProbe<SessionMessage> session) {
        while (true) {
            SessionMessage m = session.receiveMessage();
            if (m instanceof SessionMessage.Stanza s && Stanzas.kind(s.stanza()) != StanzaKind.PRESENCE) {
                return s.stanza();
            }
        }
    }

    /** Fails if the session is sent anything but presence until it has been quiet for a while. */
    static void expectNoStanza(TestProbe<SessionMessage> session) {
        Element unexpected = null;
        try {
            while (unexpected == null) {
                SessionMessage m = session.receiveMessage(QUIET);
                if (m instanceof SessionMessage.Stanza s && Stanzas.kind(s.stanza()) != StanzaKind.PRESENCE) {
                    unexpected = s.stanza();
                }
            }
        } catch (AssertionError quiet) {
            // nothing more arrived: as expected
        }
        if (unexpected != null) {
            throw new AssertionError("unexpected stanza: " + unexpected);
        }
    }

    /** The next stanza routed that is not presence. */
    Element nextRouted() {
        while (true) {
            Element e = routed.receiveMessage();
            if (Stanzas.kind(e) != StanzaKind.PRESENCE) {
                return e;
            }
        }
    }
}
