package im.hearth.actors.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.feature.blocking.BlockingFeature;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.persistence.event.user.StoredCredential;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.blocking.JidsBlocked;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The User entity with the blocking feature (XEP-0191), serialization checks on: the block is
 * journaled, pushed to the interested session only, and enforced on the way in and out.
 */
class BlockingEntityTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration QUIET = Duration.ofMillis(200);
    private static ActorTestKit testKit;

    private String jid;
    private TestProbe<Element> routed;
    private EventSourcedBehaviorTestKit<UserEntity.Command, UserEvent, UserState> entity;

    @BeforeAll
    static void startSystem() {
        testKit = ActorTestKit.create("BlockingEntityTest", ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(EventSourcedBehaviorTestKit.config()).withFallback(ConfigFactory.load()));
    }

    @AfterAll
    static void stopSystem() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void newEntity() {
        jid = "juliet" + COUNTER.incrementAndGet() + "@localhost";
        routed = testKit.createTestProbe(Element.class);
        TestProbe<ClusterSharding.ShardCommand> shard = testKit.createTestProbe(ClusterSharding.ShardCommand.class);
        EntityContext<UserEntity.Command> ctx = new EntityContext<>(UserEntity.TYPE_KEY, jid, shard.ref());
        UserServices services = new UserServices(e -> routed.ref().tell(e), iq -> Optional.empty(),
                List.of(new BlockingFeature()));
        entity = EventSourcedBehaviorTestKit.create(testKit.system(), UserEntity.create(ctx, services),
                EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false));
        entity.<UserEntity.Result>runCommand(r -> new UserEntity.CreateAccount(
                List.of(new StoredCredential(StoredCredential.SCRAM_SHA_256, "c2FsdA==", 4096, "c3RvcmVk", "c2VydmVy")), r));
    }

    private TestProbe<SessionMessage> bind(String resource) {
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        entity.<UserEntity.BindResult>runCommand(r -> new UserEntity.BindResource(resource, session.ref(), r));
        return session;
    }

    private void iq(String resource, String xml) {
        entity.<Done>runCommand(r -> new UserEntity.AccountIq(resource, XmlReader.parse(xml), r));
    }

    private static Element stanza(TestProbe<SessionMessage> session) {
        return ((SessionMessage.Stanza) session.expectMessageClass(SessionMessage.Stanza.class)).stanza();
    }

    @Test
    void blocksPushesToInterestedSessionsAndEnforcesBothWays() {
        TestProbe<SessionMessage> chamber = bind("chamber");
        TestProbe<SessionMessage> balcony = bind("balcony");
        iq("chamber", "<iq xmlns='jabber:client' type='get' id='l1' from='" + jid + "/chamber'>"
                + "<blocklist xmlns='urn:xmpp:blocking'/></iq>");
        assertEquals("result", stanza(chamber).attr("type"));

        var result = entity.<Done>runCommand(r -> new UserEntity.AccountIq("balcony", XmlReader.parse(
                "<iq xmlns='jabber:client' type='set' id='b1' from='" + jid + "/balcony'><block xmlns='urn:xmpp:blocking'>"
                        + "<item jid='romeo@montague.net'/></block></iq>"), r));
        assertEquals(List.of("romeo@montague.net"), result.eventOfType(JidsBlocked.class).jids());
        assertEquals(List.of("romeo@montague.net"), result.state().blocklist().jids());
        assertEquals("result", stanza(balcony).attr("type"));
        Element push = stanza(chamber);
        assertEquals("set", push.attr("type"));
        assertEquals(jid + "/chamber", push.attr("to"));
        balcony.expectNoMessage(QUIET); // it never asked for the list

        var in = entity.<Done>runCommand(r -> new UserEntity.Deliver(XmlReader.parse(
                "<message xmlns='jabber:client' type='chat' id='m1' from='romeo@montague.net/orchard' to='" + jid
                        + "'><body>Hi</body></message>"), r));
        assertTrue(in.hasNoEvents(), "nothing archived from a blocked JID");
        Element bounce = routed.receiveMessage();
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE,
                StanzaError.parse(bounce.firstChild().orElseThrow()).orElseThrow().condition());
        chamber.expectNoMessage(QUIET);

        var out = entity.<Done>runCommand(r -> new UserEntity.Send(XmlReader.parse(
                "<message xmlns='jabber:client' type='chat' id='m2' from='" + jid + "/balcony' to='romeo@montague.net'>"
                        + "<body>Hi</body></message>"), r));
        assertTrue(out.hasNoEvents(), "nothing archived to a blocked JID");
        Element refusal = stanza(balcony);
        assertEquals(StanzaErrorCondition.NOT_ACCEPTABLE,
                StanzaError.parse(refusal.firstChild().orElseThrow()).orElseThrow().condition());
        routed.expectNoMessage(QUIET);
    }
}
