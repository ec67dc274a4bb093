package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.List;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqlast.LastActivityManager;
import org.jivesoftware.smackx.iqlast.packet.LastActivity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Last activity of an account (XEP-0012 section 4) with Smack's LastActivityManager, on embedded
 * PostgreSQL: a contact subscribed to alice learns how long ago she left and with what status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastActivityIT {
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestServer.base(Files.createTempDirectory("hearth-last"),
                TestDatabases.newPostgresDatabase()));
        TestServer.addUsers(server, List.of("alice", "bob", "eve"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user) throws Exception {
        XMPPTCPConnection c = Clients.forUser(server, user, "last");
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        c.connect().login();
        return c;
    }

    private static BareJid alice() throws Exception {
        return JidCreate.bareFrom("alice@localhost");
    }

    @Test
    void aSubscribedContactAsksAlicesLastActivityAfterSheLogsOut() throws Exception {
        XMPPTCPConnection alice = login("alice");
        XMPPTCPConnection bob = login("bob");
        XMPPTCPConnection eve = login("eve");
        try {
            Roster rb = Roster.getInstanceFor(bob);
            rb.reloadAndWait();
            rb.createItemAndRequestSubscription(alice(), "Alice", null);
            Conditions.await("bob subscribed to alice", () -> {
                RosterEntry e = rb.getEntry(alice());
                return e != null && e.getType() == RosterPacket.ItemType.to;
            });
            Conditions.await("bob sees alice online", () -> rb.getPresence(alice()).isAvailable());
            LastActivityManager last = LastActivityManager.getInstanceFor(bob);
            assertEquals(0, last.getLastActivity(alice()).getIdleTime());

            alice.disconnect(PresenceBuilder.buildPresence().ofType(Presence.Type.unavailable)
                    .setStatus("Gone fishing").build());
            Conditions.await("bob sees alice go offline", () -> !rb.getPresence(alice()).isAvailable());
            LastActivity activity = last.getLastActivity(alice());
            assertTrue(activity.getIdleTime() >= 0 && activity.getIdleTime() < 60, activity.toXML().toString());
            assertEquals("Gone fishing", activity.getStatusMessage());

            XMPPErrorException refused = assertThrows(XMPPErrorException.class,
                    () -> LastActivityManager.getInstanceFor(eve).getLastActivity(alice()));
            assertEquals(StanzaError.Condition.forbidden, refused.getStanzaError().getCondition());
        } finally {
            alice.disconnect();
            bob.disconnect();
            eve.disconnect();
        }
    }
}
