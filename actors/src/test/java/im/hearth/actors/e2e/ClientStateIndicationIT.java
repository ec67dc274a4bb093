package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.csi.ClientStateIndicationManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Client state indication (XEP-0352) with Smack's ClientStateIndicationManager on embedded
 * PostgreSQL: while alice is inactive, bob's presence updates are held back and collapsed (she
 * gets only the latest), his chat states too; his message with a body comes at once, after what
 * was held; becoming active again lets presence through as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientStateIndicationIT {
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestServer.base(Files.createTempDirectory("hearth-csi"),
                TestDatabases.newPostgresDatabase()));
        TestServer.addUsers(server, List.of("alice", "bob"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user) throws Exception {
        XMPPTCPConnection c = Clients.forUser(server, user, "phone");
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        c.connect().login();
        Roster.getInstanceFor(c).reloadAndWait();
        return c;
    }

    private static BareJid jid(String user) throws Exception {
        return JidCreate.bareFrom(user + "@localhost");
    }

    private static Presence status(String text) {
        return PresenceBuilder.buildPresence().ofType(Presence.Type.available).setStatus(text).build();
    }

    /** What alice receives from bob, in order: "presence:<status>", "state:<chat state>", "body:<body>". */
    private static String describe(Stanza s) {
        if (s instanceof Presence p) {
            return "presence:" + p.getStatus();
        }
        Message m = (Message) s;
        if (m.getBody() != null) {
            return "body:" + m.getBody();
        }
        org.jivesoftware.smack.packet.XmlElement state = m.getExtension(ChatStateExtension.NAMESPACE);
        return "state:" + (state == null ? "?" : state.getElementName());
    }

    @Test
    void presenceIsHeldBackAndCollapsedWhileInactiveButMessagesAreNot() throws Exception {
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        try {
            assertTrue(ClientStateIndicationManager.isSupported(alice), "the server offers CSI");
            Roster ra = Roster.getInstanceFor(alice);
            Roster.getInstanceFor(bob).createItemAndRequestSubscription(jid("alice"), "Alice", null);
            ra.createItemAndRequestSubscription(jid("bob"), "Bob", null);
            Conditions.await("subscribed both ways", () -> ra.getEntry(jid("bob")) != null
                    && ra.getEntry(jid("bob")).getType() == RosterPacket.ItemType.both);
            Conditions.await("alice sees bob", () -> ra.getPresence(jid("bob")).isAvailable());

            Queue<String> fromBob = new ConcurrentLinkedQueue<>();
            alice.addSyncStanzaListener(s -> { // sync: Smack calls these in arrival order (async ones run concurrently)
                if (s.getFrom() != null && s.getFrom().asBareJid().equals(JidCreate.bareFromOrThrowUnchecked("bob@localhost"))) {
                    fromBob.add(describe(s));
                }
            }, new org.jivesoftware.smack.filter.OrFilter(StanzaTypeFilter.PRESENCE, StanzaTypeFilter.MESSAGE));

            ClientStateIndicationManager.inactive(alice);
            // The server reads alice's stream in order: once her ping is answered, she is inactive.
            assertTrue(org.jivesoftware.smackx.ping.PingManager.getInstanceFor(alice).pingMyServer());
            bob.sendStanza(status("coffee"));
            bob.sendStanza(status("lunch"));
            bob.sendStanza(MessageBuilder.buildMessage().to(jid("alice")).ofType(Message.Type.chat)
                    .addExtension(new ChatStateExtension(ChatState.composing)).build());
            bob.sendStanza(MessageBuilder.buildMessage().to(jid("alice")).ofType(Message.Type.chat)
                    .setBody("are you there?").build());
            Conditions.await("the message arrives at once", () -> fromBob.contains("body:are you there?"));
            List<String> seen = new ArrayList<>(fromBob);
            assertEquals(List.of("presence:lunch", "state:composing", "body:are you there?"), seen,
                    "held back until the message, only the latest presence, and in order");

            ClientStateIndicationManager.active(alice);
            bob.sendStanza(status("back at work"));
            Conditions.await("presence flows again", () -> fromBob.contains("presence:back at work"));
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }
}
