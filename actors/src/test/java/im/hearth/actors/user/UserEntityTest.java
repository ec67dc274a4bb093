package im.hearth.actors.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.CredentialsChanged;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.OfflineDelivered;
import im.hearth.persistence.event.user.StoredCredential;
import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The User entity with Pekko's EventSourcedBehaviorTestKit: its serialization checks are on, so
 * every event and the UserState snapshot also round-trip through jackson-cbor. Sessions and the
 * router are probes.
 */
class UserEntityTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final List<StoredCredential> CREDS =
            List.of(new StoredCredential(StoredCredential.SCRAM_SHA_256, "c2FsdA==", 4096, "c3RvcmVk", "c2VydmVy"));
    private static final List<StoredCredential> NEW_CREDS =
            List.of(new StoredCredential(StoredCredential.SCRAM_SHA_256, "bmV3", 4096, "bmV3U3RvcmVk", "bmV3U2VydmVy"));

    private static ActorTestKit testKit;

    private String jid;
    private TestProbe<Element> routed;
    private TestProbe<ClusterSharding.ShardCommand> shard;
    private EventSourcedBehaviorTestKit<UserEntity.Command, UserEvent, UserState> entity;

    @BeforeAll
    static void startSystem() {
        Config config = ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(EventSourcedBehaviorTestKit.config())
                .withFallback(ConfigFactory.load());
        testKit = ActorTestKit.create("UserEntityTest", config);
    }

    @AfterAll
    static void stopSystem() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void newEntity() {
        jid = "alice" + COUNTER.incrementAndGet() + "@localhost";
        routed = testKit.createTestProbe(Element.class);
        shard = testKit.createTestProbe(ClusterSharding.ShardCommand.class);
        EntityContext<UserEntity.Command> ctx = new EntityContext<>(UserEntity.TYPE_KEY, jid, shard.ref());
        entity = EventSourcedBehaviorTestKit.create(testKit.system(),
                UserEntity.create(ctx, e -> routed.ref().tell(e)),
                EventSourcedBehaviorTestKit.enabledSerializationSettings()
                        // Commands carry actor refs and XML trees and never leave the node.
                        .withVerifyCommands(false));
    }

    // --- account and credentials ---

    @Test
    void createsAnAccountOnceThenReportsItExists() {
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, UserEntity.Result> first =
                entity.runCommand(r -> new UserEntity.CreateAccount(CREDS, r));
        assertEquals(UserEntity.Result.DONE, first.reply());
        AccountCreated created = first.eventOfType(AccountCreated.class);
        assertEquals(jid, created.jid());
        assertEquals(CREDS, created.credentials());
        assertTrue(first.state().exists());

        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, UserEntity.Result> second =
                entity.runCommand(r -> new UserEntity.CreateAccount(NEW_CREDS, r));
        assertEquals(UserEntity.Result.ALREADY_EXISTS, second.reply());
        assertTrue(second.hasNoEvents());
        assertEquals(CREDS, second.state().credentials());
    }

    @Test
    void changesCredentialsOnlyOfAnExistingAccount() {
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, UserEntity.Result> before =
                entity.<UserEntity.Result>runCommand(r -> new UserEntity.ChangeCredentials(NEW_CREDS, r));
        assertEquals(UserEntity.Result.NO_SUCH_ACCOUNT, before.reply());
        assertTrue(before.hasNoEvents());

        createAccount();
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, UserEntity.Result> after =
                entity.<UserEntity.Result>runCommand(r -> new UserEntity.ChangeCredentials(NEW_CREDS, r));
        assertEquals(UserEntity.Result.DONE, after.reply());
        assertEquals(NEW_CREDS, after.eventOfType(CredentialsChanged.class).credentials());
        assertEquals(NEW_CREDS, after.state().credentials());
    }

    @Test
    void answersCredentialsWhetherOrNotTheAccountExists() {
        UserEntity.Credentials none = entity.<UserEntity.Credentials>runCommand(UserEntity.GetCredentials::new).reply();
        assertFalse(none.exists());
        assertTrue(none.credentials().isEmpty());

        createAccount();
        UserEntity.Credentials some = entity.<UserEntity.Credentials>runCommand(UserEntity.GetCredentials::new).reply();
        assertTrue(some.exists());
        assertEquals(CREDS.get(0), some.forMechanism(StoredCredential.SCRAM_SHA_256).orElseThrow());
        assertTrue(some.forMechanism(StoredCredential.SCRAM_SHA_1).isEmpty());
    }

    @Test
    void removalForgetsEverythingClosesSessionsAndLetsTheJidBeCreatedAgain() {
        createAccount();
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        entity.<UserEntity.BindResult>runCommand(r -> new UserEntity.BindResource("phone", session.ref(), r));

        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, UserEntity.Result> removed =
                entity.runCommand(r -> new UserEntity.RemoveAccount("self", r));
        assertEquals(UserEntity.Result.DONE, removed.reply());
        assertEquals("self", removed.eventOfType(im.hearth.persistence.event.user.AccountRemoved.class).reason());
        assertEquals(UserState.EMPTY, removed.state());
        session.expectMessageClass(SessionMessage.AccountRemoved.class);

        assertEquals(UserEntity.Result.NO_SUCH_ACCOUNT,
                entity.<UserEntity.Result>runCommand(r -> new UserEntity.RemoveAccount("admin", r)).reply());
        assertEquals(UserEntity.Result.DONE,
                entity.<UserEntity.Result>runCommand(r -> new UserEntity.CreateAccount(NEW_CREDS, r)).reply());
        entity.restart(); // the tombstone replays: the new account, with nothing of the old one
        UserEntity.Credentials now = entity.<UserEntity.Credentials>runCommand(UserEntity.GetCredentials::new).reply();
        assertTrue(now.exists());
        assertEquals(NEW_CREDS, now.credentials());
    }

    // --- sessions ---

    @Test
    void bindGeneratesAResourceWhenNoneIsAsked() {
        createAccount();
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        UserEntity.BindResult result = entity.<UserEntity.BindResult>runCommand(
                r -> new UserEntity.BindResource(null, session.ref(), r)).reply();
        String resource = assertInstanceOf(UserEntity.BindResult.Bound.class, result).resource();
        assertTrue(resource.startsWith("hearth-"), resource);
        String other = bind(null, testKit.createTestProbe(SessionMessage.class));
        assertNotEquals(resource, other);
    }

    @Test
    void bindIsRefusedWithoutAnAccount() {
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        UserEntity.BindResult result = entity.<UserEntity.BindResult>runCommand(
                r -> new UserEntity.BindResource("phone", session.ref(), r)).reply();
        assertInstanceOf(UserEntity.BindResult.Refused.class, result);
    }

    @Test
    void bindingTheSameResourceAgainReplacesTheOldSession() {
        createAccount();
        TestProbe<SessionMessage> old = testKit.createTestProbe(SessionMessage.class);
        TestProbe<SessionMessage> replacement = testKit.createTestProbe(SessionMessage.class);
        assertEquals("phone", bind("phone", old));
        assertEquals("phone", bind("phone", replacement));
        old.expectMessage(new SessionMessage.Replaced());

        // Stanzas for the full JID now reach only the new session.
        deliver(chat("bob@localhost/pc", jid + "/phone", null));
        replacement.expectMessageClass(SessionMessage.Stanza.class);
        old.expectNoMessage(QUIET);
    }

    @Test
    void theOtherResourcesSeeAResourceComeAndGo() {
        createAccount();
        TestProbe<SessionMessage> phone = testKit.createTestProbe(SessionMessage.class);
        TestProbe<SessionMessage> desk = testKit.createTestProbe(SessionMessage.class);
        bind("phone", phone);
        bind("desk", desk);
        presence("phone", 0);
        presence("desk", 0);
        Element seen = ((SessionMessage.Stanza) phone.receiveMessage()).stanza();
        assertEquals(jid + "/desk", Stanzas.from(seen));
        assertEquals(jid + "/phone", Stanzas.to(seen));

        entity.<Done>runCommand(r -> new UserEntity.Unbind("desk", desk.ref(), r));
        Element gone = ((SessionMessage.Stanza) phone.receiveMessage()).stanza();
        assertEquals("unavailable", Stanzas.type(gone));
        assertEquals(jid + "/desk", Stanzas.from(gone));
    }

    @Test
    void theLastAvailableResourceEndingIsRecordedAsALogout() {
        createAccount();
        TestProbe<SessionMessage> phone = availableSession("phone", 0);
        TestProbe<SessionMessage> desk = availableSession("desk", 0);
        assertTrue(entity.<Done>runCommand(r -> new UserEntity.Unbind("desk", desk.ref(), r)).hasNoEvents());
        var last = entity.<Done>runCommand(r -> new UserEntity.Unbind("phone", phone.ref(), r));
        var logout = last.eventOfType(im.hearth.persistence.event.user.last.LastLogout.class);
        assertEquals(null, logout.status());
        assertEquals(logout.at(), last.state().lastSeen().at());
    }

    @Test
    void unavailablePresenceOfTheLastResourceIsRecordedWithItsStatus() {
        createAccount();
        availableSession("phone", 0);
        Element bye = Element.builder("presence", Namespaces.CLIENT).attr("from", jid + "/phone")
                .attr("type", "unavailable").textChild("status", Namespaces.CLIENT, "Gone fishing").build();
        var result = entity.<Done>runCommand(r -> new UserEntity.UpdatePresence("phone", bye, r));
        assertEquals("Gone fishing",
                result.eventOfType(im.hearth.persistence.event.user.last.LastLogout.class).status());
        assertEquals("Gone fishing", result.state().lastSeen().status());
    }

    // --- incoming messages ---

    @Test
    void aChatWithoutAvailableSessionIsArchivedAndStoredOffline() {
        createAccount();
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        bind("phone", session); // bound, but no initial presence: not available

        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> result =
                deliver(chat("bob@localhost/pc", jid, "hello"));
        assertEquals(2, result.events().size());
        MessageArchived archived = assertInstanceOf(MessageArchived.class, result.events().get(0));
        StoredOffline stored = assertInstanceOf(StoredOffline.class, result.events().get(1));
        assertEquals(MessageArchived.Direction.INCOMING, archived.direction());
        assertEquals("bob@localhost", archived.peer());
        assertEquals(archived.stanzaId(), stored.stanzaId());
        assertEquals(archived.stanzaXml(), stored.stanzaXml());
        assertEquals(1, result.state().offline().size());
        session.expectNoMessage(QUIET);
    }

    @Test
    void initialPresenceWithNonNegativePriorityReleasesTheOfflineQueue() {
        createAccount();
        deliver(chat("bob@localhost/pc", jid, "one"));
        deliver(chat("bob@localhost/pc", jid, "two"));
        List<String> ids = entity.getState().offline().stream().map(UserState.OfflineMessage::stanzaId).toList();

        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        bind("phone", session);
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> result = presence("phone", 0);
        assertEquals(ids, result.eventOfType(OfflineDelivered.class).stanzaIds());
        assertTrue(result.state().offline().isEmpty());

        for (String body : List.of("one", "two")) {
            Element m = ((SessionMessage.Stanza) session.receiveMessage()).stanza();
            assertEquals(body, m.childText("body", Namespaces.CLIENT).orElseThrow());
            Element delay = m.child("delay", Namespaces.DELAY).orElseThrow();
            assertEquals("localhost", delay.attr("from"));
            Instant.parse(delay.attr("stamp"));
            assertEquals(jid, m.child("stanza-id", Namespaces.STANZA_ID).orElseThrow().attr("by"));
        }
    }

    @Test
    void negativePriorityDoesNotReleaseTheOfflineQueueButALaterNonNegativeOneDoes() {
        createAccount();
        deliver(chat("bob@localhost/pc", jid, "wait for me"));
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        bind("bot", session);

        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> negative = presence("bot", -1);
        assertTrue(negative.hasNoEvents());
        assertEquals(1, negative.state().offline().size());
        session.expectNoMessage(QUIET);

        // XEP-0160: the queue goes out when the session next has a non-negative priority.
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> positive = presence("bot", 1);
        positive.eventOfType(OfflineDelivered.class);
        assertTrue(positive.state().offline().isEmpty());
        session.expectMessageClass(SessionMessage.Stanza.class);
    }

    @Test
    void aChatToAnAvailableSessionIsArchivedThenDeliveredWithItsStanzaId() {
        createAccount();
        TestProbe<SessionMessage> session = availableSession("phone", 0);

        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> result =
                deliver(chat("bob@localhost/pc", jid, "hi"));
        MessageArchived archived = result.eventOfType(MessageArchived.class);
        assertTrue(result.state().offline().isEmpty());

        Element delivered = ((SessionMessage.Stanza) session.receiveMessage()).stanza();
        Element stanzaId = delivered.child("stanza-id", Namespaces.STANZA_ID).orElseThrow();
        assertEquals(jid, stanzaId.attr("by"));
        assertEquals(archived.stanzaId(), stanzaId.attr("id"));
        assertTrue(archived.stanzaXml().contains(archived.stanzaId()));
    }

    @Test
    void aForgedStanzaIdClaimingToBeByThisAccountIsStripped() {
        createAccount();
        TestProbe<SessionMessage> session = availableSession("phone", 0);
        Element forged = Element.builder("stanza-id", Namespaces.STANZA_ID).attr("id", "forged").attr("by", jid).build();
        Element foreign = Element.builder("stanza-id", Namespaces.STANZA_ID).attr("id", "theirs")
                .attr("by", "room@muc.example").build();

        deliver(chat("bob@localhost/pc", jid, "trust me").withChild(forged).withChild(foreign));
        Element delivered = ((SessionMessage.Stanza) session.receiveMessage()).stanza();
        List<Element> ids = delivered.children("stanza-id", Namespaces.STANZA_ID);
        assertEquals(2, ids.size());
        assertTrue(ids.stream().noneMatch(e -> e.attr("id").equals("forged")));
        assertTrue(ids.stream().anyMatch(e -> e.attr("id").equals("theirs")));

        // Also on stanzas that are not archived.
        deliver(chat("bob@localhost/pc", jid, null).withChild(forged));
        Element state = ((SessionMessage.Stanza) session.receiveMessage()).stanza();
        assertTrue(state.children("stanza-id", Namespaces.STANZA_ID).isEmpty());
    }

    @Test
    void aMessageWithoutBodyIsDeliveredButNotArchived() {
        createAccount();
        TestProbe<SessionMessage> session = availableSession("phone", 0);
        Element composing = chat("bob@localhost/pc", jid, null)
                .withChild(Element.of("composing", "http://jabber.org/protocol/chatstates"));

        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> result = deliver(composing);
        assertTrue(result.hasNoEvents());
        Element delivered = ((SessionMessage.Stanza) session.receiveMessage()).stanza();
        assertTrue(delivered.child("composing", "http://jabber.org/protocol/chatstates").isPresent());
    }

    @Test
    void aMessageWithoutBodyToNoAvailableSessionIsNotStored() {
        createAccount();
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> result =
                deliver(chat("bob@localhost/pc", jid, null));
        assertTrue(result.hasNoEvents());
        assertTrue(result.state().offline().isEmpty());
    }

    // --- outgoing ---

    @Test
    void aSentMessageIsRoutedWithoutWaitingForItsCopyToBeWritten() {
        createAccount();
        Element message = chat(jid + "/phone", "bob@localhost", "hello bob");
        TestProbe<Done> sender = testKit.createTestProbe(Done.class);
        entity.persistenceTestKit().failNextPersisted();
        // The recipient's entity writes its own copy before delivering, so the message goes at once;
        // this copy's write fails here, and the sender is not told it was accepted (it will resend).
        assertThrows(AssertionError.class, () -> entity.runCommand(new UserEntity.Send(message, sender.ref())));
        assertEquals(message, routed.receiveMessage());
        sender.expectNoMessage(QUIET);
    }

    @Test
    void aSentMessageIsArchivedOutgoingAndRouted() {
        createAccount();
        Element message = chat(jid + "/phone", "bob@localhost", "hello bob");
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> result =
                entity.runCommand(r -> new UserEntity.Send(message, r));
        MessageArchived archived = result.eventOfType(MessageArchived.class);
        assertEquals(MessageArchived.Direction.OUTGOING, archived.direction());
        assertEquals("bob@localhost", archived.peer());
        assertTrue(archived.stanzaXml().contains(archived.stanzaId()));
        // The recipient's server gives it its own stanza-id; ours stays in our archive.
        assertEquals(message, routed.receiveMessage());
    }

    @Test
    void aSentMessageWithoutBodyIsRoutedWithoutArchiving() {
        createAccount();
        Element message = chat(jid + "/phone", "bob@localhost", null);
        assertTrue(entity.<Done>runCommand(r -> new UserEntity.Send(message, r)).hasNoEvents());
        assertEquals(message, routed.receiveMessage());
    }

    // --- no such account ---

    @Test
    void stanzasToAMissingAccountBounceWithServiceUnavailable() {
        CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> result =
                deliver(chat("bob@localhost/pc", jid, "anyone?").withAttr("id", "m1"));
        assertTrue(result.hasNoEvents());
        Element bounce = routed.receiveMessage();
        assertEquals("error", Stanzas.type(bounce));
        assertEquals("bob@localhost/pc", Stanzas.to(bounce));
        assertEquals(jid, Stanzas.from(bounce));
        assertEquals("m1", Stanzas.id(bounce));
        StanzaError error = StanzaError.parse(bounce.child("error", Namespaces.CLIENT).orElseThrow()).orElseThrow();
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE, error.condition());

        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "get").attr("id", "q1")
                .attr("from", "bob@localhost/pc").attr("to", jid)
                .child(Element.of("query", "jabber:iq:version")).build();
        deliver(iq);
        Element iqBounce = routed.receiveMessage();
        assertEquals("q1", Stanzas.id(iqBounce));
        assertEquals("error", Stanzas.type(iqBounce));
    }

    // --- recovery ---

    @Test
    void restartRestoresTheAccountAndTheOfflineQueue() {
        createAccount();
        entity.<UserEntity.Result>runCommand(r -> new UserEntity.ChangeCredentials(NEW_CREDS, r));
        deliver(chat("bob@localhost/pc", jid, "kept"));
        UserState before = entity.getState();

        UserState after = entity.restart().state();
        assertEquals(before, after);
        assertTrue(after.exists());
        assertEquals(NEW_CREDS, after.credentials());
        assertEquals(1, after.offline().size());
    }

    // --- helpers ---

    private void createAccount() {
        assertEquals(UserEntity.Result.DONE,
                entity.<UserEntity.Result>runCommand(r -> new UserEntity.CreateAccount(CREDS, r)).reply());
    }

    private String bind(String resource, TestProbe<SessionMessage> session) {
        UserEntity.BindResult result = entity.<UserEntity.BindResult>runCommand(
                r -> new UserEntity.BindResource(resource, session.ref(), r)).reply();
        return assertInstanceOf(UserEntity.BindResult.Bound.class, result).resource();
    }

    private CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> presence(String resource, int priority) {
        Element p = Element.builder("presence", Namespaces.CLIENT).attr("from", jid + "/" + resource)
                .textChild("priority", Namespaces.CLIENT, Integer.toString(priority)).build();
        return entity.runCommand(r -> new UserEntity.UpdatePresence(resource, p, r));
    }

    private TestProbe<SessionMessage> availableSession(String resource, int priority) {
        TestProbe<SessionMessage> session = testKit.createTestProbe(SessionMessage.class);
        bind(resource, session);
        presence(resource, priority);
        return session;
    }

    private CommandResultWithReply<UserEntity.Command, UserEvent, UserState, Done> deliver(Element stanza) {
        return entity.runCommand(r -> new UserEntity.Deliver(stanza, r));
    }

    private static Element chat(String from, String to, String body) {
        Element.Builder b = Element.builder("message", Namespaces.CLIENT)
                .attr("from", from).attr("to", to).attr("type", "chat");
        if (body != null) {
            b.textChild("body", Namespaces.CLIENT, body);
        }
        return b.build();
    }
}
