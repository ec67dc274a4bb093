package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.roster.rosterstore.DirectoryRosterStore;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Rosters and presence subscriptions (RFC 6121 sections 2 to 4, XEP-0237) end to end: Smack's
 * own roster support against a server on embedded PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterPresenceIT {
    private Map<String, Object> settings;
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        settings = TestServer.base(Files.createTempDirectory("hearth-roster"), TestDatabases.newPostgresDatabase());
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob", "carol", "erin", "frank"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection connect(String user, String resource) throws Exception {
        XMPPTCPConnection c = Clients.forUser(server, user, resource);
        Roster roster = Roster.getInstanceFor(c);
        roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        return c;
    }

    private static BareJid jid(String user) throws Exception {
        return JidCreate.bareFrom(user + "@localhost");
    }

    private static RosterPacket.ItemType type(Roster roster, String user) throws Exception {
        RosterEntry e = roster.getEntry(jid(user));
        return e == null ? null : e.getType();
    }

    @Test
    void subscriptionHandshakeBothWaysMakesPresenceVisibleAndSurvivesARestart() throws Exception {
        XMPPTCPConnection alice = connect("alice", "home");
        XMPPTCPConnection bob = connect("bob", "home");
        try {
            alice.connect().login();
            bob.connect().login();
            Roster ra = Roster.getInstanceFor(alice);
            Roster rb = Roster.getInstanceFor(bob);
            ra.reloadAndWait();
            rb.reloadAndWait();

            ra.createItemAndRequestSubscription(jid("bob"), "Bob", new String[] {"Friends"});
            Conditions.await("alice subscribed to bob", () -> type(ra, "bob") == RosterPacket.ItemType.to);
            rb.createItemAndRequestSubscription(jid("alice"), "Alice", null);
            Conditions.await("both ways", () -> type(ra, "bob") == RosterPacket.ItemType.both
                    && type(rb, "alice") == RosterPacket.ItemType.both);
            Conditions.await("alice sees bob online", () -> ra.getPresence(jid("bob")).isAvailable());
            Conditions.await("bob sees alice online", () -> rb.getPresence(jid("alice")).isAvailable());

            bob.sendStanza(PresenceBuilder.buildPresence().ofType(Presence.Type.available)
                    .setMode(Presence.Mode.away).setStatus("out for lunch").build());
            Conditions.await("alice sees bob's new status",
                    () -> "out for lunch".equals(ra.getPresence(jid("bob")).getStatus()));

            bob.disconnect();
            Conditions.await("alice sees bob go offline", () -> !ra.getPresence(jid("bob")).isAvailable());
            assertEquals("Bob", ra.getEntry(jid("bob")).getName());
            assertEquals("Friends", ra.getEntry(jid("bob")).getGroups().get(0).getName());
        } finally {
            alice.disconnect();
            bob.disconnect();
        }

        server.close();
        server = TestServer.start(settings);
        XMPPTCPConnection again = connect("alice", "later");
        try {
            again.connect().login();
            Roster ra = Roster.getInstanceFor(again);
            ra.reloadAndWait();
            assertEquals(RosterPacket.ItemType.both, type(ra, "bob"), "the roster comes back from the journal");
        } finally {
            again.disconnect();
        }
    }

    @Test
    void rosterVersioningSendsOnlyWhatChanged() throws Exception {
        Path store = Files.createTempDirectory("roster-store");
        XMPPTCPConnection erin = connect("erin", "phone");
        Roster re = Roster.getInstanceFor(erin);
        re.setRosterStore(DirectoryRosterStore.init(store.toFile()));
        erin.connect().login();
        re.reloadAndWait();
        re.createItem(jid("carol"), "Carol", null);
        Conditions.await("carol in erin's roster", () -> re.getEntry(jid("carol")) != null);
        erin.disconnect();

        // Another device changes the roster while the phone is away.
        XMPPTCPConnection laptop = connect("erin", "laptop");
        laptop.connect().login();
        Roster.getInstanceFor(laptop).reloadAndWait();
        Roster.getInstanceFor(laptop).createItem(jid("frank"), "Frank", null);
        laptop.disconnect();

        XMPPTCPConnection phone = connect("erin", "phone");
        Roster rp = Roster.getInstanceFor(phone);
        rp.setRosterStore(DirectoryRosterStore.open(store.toFile()));
        List<IQ> rosterIqs = new CopyOnWriteArrayList<>();
        phone.addSyncStanzaListener(s -> rosterIqs.add((IQ) s), StanzaTypeFilter.IQ);
        phone.connect().login();
        rp.reloadAndWait();
        try {
            Conditions.await("frank arrives as a push", () -> rp.getEntry(jid("frank")) != null);
            assertNotNull(rp.getEntry(jid("carol")), "carol is still known from the store");
            // Smack hands roster pushes to its roster, not to stanza listeners; what the listener
            // shows is that the answer to the versioned get carried no roster at all (XEP-0237 4),
            // so frank can only have come as a push.
            assertTrue(rosterIqs.stream().noneMatch(iq -> iq instanceof RosterPacket),
                    "with a known version the server sends no full roster, only pushes");
        } finally {
            phone.disconnect();
        }
    }
}
