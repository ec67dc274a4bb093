package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Blocking (XEP-0191) end to end with Smack's BlockingCommandManager, on embedded PostgreSQL:
 * messages and presence stop both ways, unblocking restores them, and the list survives a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockingIT {
    private Map<String, Object> settings;
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        settings = TestServer.base(Files.createTempDirectory("hearth-blocking"), TestDatabases.newPostgresDatabase());
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user, String resource) throws Exception {
        XMPPTCPConnection c = Clients.forUser(server, user, resource);
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        c.connect().login();
        Roster.getInstanceFor(c).reloadAndWait();
        return c;
    }

    private static BareJid jid(String user) throws Exception {
        return JidCreate.bareFrom(user + "@localhost");
    }

    private static Message chat(String to, String body) throws Exception {
        return MessageBuilder.buildMessage().to(jid(to)).ofType(Message.Type.chat).setBody(body).build();
    }

    private static Presence status(String text) {
        return PresenceBuilder.buildPresence().ofType(Presence.Type.available).setStatus(text).build();
    }

    @Test
    void blockingStopsMessagesAndPresenceBothWaysUntilUnblockedAndSurvivesARestart() throws Exception {
        XMPPTCPConnection alice = login("alice", "home");
        XMPPTCPConnection phone = login("alice", "phone");
        XMPPTCPConnection bob = login("bob", "home");
        Queue<Message> aliceGot = new ConcurrentLinkedQueue<>();
        Queue<Message> bobGot = new ConcurrentLinkedQueue<>();
        Queue<Presence> aliceSaw = new ConcurrentLinkedQueue<>();
        Queue<Presence> bobSaw = new ConcurrentLinkedQueue<>();
        alice.addAsyncStanzaListener(s -> aliceGot.add((Message) s), StanzaTypeFilter.MESSAGE);
        bob.addAsyncStanzaListener(s -> bobGot.add((Message) s), StanzaTypeFilter.MESSAGE);
        alice.addAsyncStanzaListener(s -> aliceSaw.add((Presence) s), StanzaTypeFilter.PRESENCE);
        bob.addAsyncStanzaListener(s -> bobSaw.add((Presence) s), StanzaTypeFilter.PRESENCE);
        try {
            Roster ra = Roster.getInstanceFor(alice);
            Roster rb = Roster.getInstanceFor(bob);
            ra.createItemAndRequestSubscription(jid("bob"), "Bob", null);
            rb.createItemAndRequestSubscription(jid("alice"), "Alice", null);
            Conditions.await("subscribed both ways", () -> ra.getEntry(jid("bob")) != null
                    && ra.getEntry(jid("bob")).getType() == RosterPacket.ItemType.both
                    && rb.getEntry(jid("alice")) != null && rb.getEntry(jid("alice")).getType() == RosterPacket.ItemType.both);
            Conditions.await("bob sees alice online", () -> rb.getPresence(jid("alice")).isAvailable());
            Conditions.await("alice sees bob online", () -> ra.getPresence(jid("bob")).isAvailable());

            BlockingCommandManager blocking = BlockingCommandManager.getInstanceFor(alice);
            BlockingCommandManager phoneBlocking = BlockingCommandManager.getInstanceFor(phone);
            assertTrue(blocking.isSupportedByServer(), "urn:xmpp:blocking in the server's disco#info");
            assertTrue(blocking.getBlockList().isEmpty());
            assertTrue(phoneBlocking.getBlockList().isEmpty()); // the phone now gets pushes
            Queue<Jid> pushed = new ConcurrentLinkedQueue<>();
            phoneBlocking.addJidsBlockedListener(pushed::addAll);

            blocking.blockContacts(List.of(jid("bob")));
            Conditions.await("the phone got the block push", () -> pushed.contains(jid("bob")));
            Conditions.await("bob sees alice go offline (3.3)", () -> !rb.getPresence(jid("alice")).isAvailable());
            // Smack updates the roster before it runs the asynchronous listeners: wait until bob's
            // listener has the unavailable presence of both of alice's resources before clearing it.
            Conditions.await("bob's listener got alice's unavailable presences", () -> List.of("home", "phone").stream()
                    .allMatch(r -> bobSaw.stream().anyMatch(p -> p.getType() == Presence.Type.unavailable
                            && ("alice@localhost/" + r).equals(p.getFrom().toString()))));

            // Presence no longer flows either way: a status change, then a message whose bounce
            // comes back after the status change has been handled.
            aliceSaw.clear();
            bobSaw.clear();
            bob.sendStanza(status("bob after the block"));
            alice.sendStanza(status("alice after the block"));

            bob.sendStanza(chat("alice", "let me in"));
            Conditions.await("bob's message bounces with service-unavailable", () -> bobGot.stream().anyMatch(m ->
                    m.getType() == Message.Type.error
                            && m.getError().getCondition() == StanzaError.Condition.service_unavailable));
            alice.sendStanza(chat("bob", "hello?"));
            Conditions.await("alice's message is refused as blocked", () -> aliceGot.stream().anyMatch(m ->
                    m.getType() == Message.Type.error
                            && m.getError().getCondition() == StanzaError.Condition.not_acceptable
                            && m.getError().getExtension("blocked", "urn:xmpp:blocking:errors") != null));
            assertTrue(aliceGot.stream().noneMatch(m -> "let me in".equals(m.getBody())), "alice never gets bob's message");
            assertTrue(bobGot.stream().noneMatch(m -> "hello?".equals(m.getBody())), "bob never gets alice's message");
            BareJid bobJid = jid("bob");
            BareJid aliceJid = jid("alice");
            assertTrue(aliceSaw.stream().noneMatch(p -> p.getFrom().asBareJid().equals(bobJid)), "no presence from bob");
            assertTrue(bobSaw.stream().noneMatch(p -> p.getFrom().asBareJid().equals(aliceJid)), "no presence to bob");

            blocking.unblockContacts(List.of(jid("bob")));
            // alice has two resources, so look at the stanzas rather than Smack's aggregate presence.
            Conditions.await("bob sees alice again (3.4)", () -> bobSaw.stream().anyMatch(p ->
                    p.getFrom().asBareJid().equals(aliceJid) && "alice after the block".equals(p.getStatus())));
            Conditions.await("alice sees bob's status again (her server probes him)", () -> aliceSaw.stream().anyMatch(p ->
                    p.getFrom().asBareJid().equals(bobJid) && "bob after the block".equals(p.getStatus())));
            bob.sendStanza(chat("alice", "back again"));
            Conditions.await("messages flow again", () -> aliceGot.stream().anyMatch(m -> "back again".equals(m.getBody())));

            blocking.blockContacts(List.of(jid("bob")));
        } finally {
            alice.disconnect();
            phone.disconnect();
            bob.disconnect();
        }

        server.close();
        server = TestServer.start(settings);
        XMPPTCPConnection again = login("alice", "later");
        try {
            List<Jid> list = BlockingCommandManager.getInstanceFor(again).getBlockList();
            assertEquals(List.of(jid("bob")), List.copyOf(list), "the blocklist comes back from the journal");
        } finally {
            again.disconnect();
        }
        XMPPTCPConnection bobAgain = login("bob", "later");
        Queue<Message> bounced = new ConcurrentLinkedQueue<>();
        bobAgain.addAsyncStanzaListener(s -> bounced.add((Message) s), StanzaTypeFilter.MESSAGE);
        try {
            bobAgain.sendStanza(chat("alice", "after the restart"));
            Conditions.await("still blocked after the restart", () -> bounced.stream()
                    .anyMatch(m -> m.getType() == Message.Type.error));
            assertNotNull(bounced.peek().getError());
        } finally {
            bobAgain.disconnect();
        }
    }
}
