package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Stream management (XEP-0198) with Smack on embedded PostgreSQL: a client whose TCP connection is
 * cut resumes its stream and gets exactly the messages it missed, none twice; and a stream resumes
 * after the server was restarted on the same database (the session comes back from its journal);
 * one that nobody resumes still expires after a restart, its unacknowledged message going offline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamResumptionIT {
    private Map<String, Object> settings;
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        settings = TestServer.base(Files.createTempDirectory("hearth-resume"), TestDatabases.newPostgresDatabase());
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob", "carol", "dave", "erin"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user, String resource, boolean resumable) throws Exception {
        return login(user, resource, resumable, 0);
    }

    /** @param resumptionSeconds the resumption time the client asks for; 0 for the server's */
    private XMPPTCPConnection login(String user, String resource, boolean resumable, int resumptionSeconds)
            throws Exception {
        XMPPTCPConnection c = Clients.forUser(server, user, resource);
        c.setUseStreamManagement(resumable);
        c.setUseStreamManagementResumption(resumable);
        if (resumptionSeconds > 0) {
            c.setPreferredResumptionTime(resumptionSeconds);
        }
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        c.connect().login();
        return c;
    }

    private static Message chat(String to, String body) throws Exception {
        return MessageBuilder.buildMessage().to(JidCreate.bareFrom(to + "@localhost")).ofType(Message.Type.chat)
                .setBody(body).build();
    }

    private static Queue<String> bodies(XMPPTCPConnection c) {
        Queue<String> got = new ConcurrentLinkedQueue<>();
        c.addAsyncStanzaListener(s -> {
            String body = ((Message) s).getBody();
            if (body != null) {
                got.add(body);
            }
        }, StanzaTypeFilter.MESSAGE);
        return got;
    }

    private static long count(Queue<String> got, String body) {
        return got.stream().filter(body::equals).count();
    }

    @Test
    void aClientWhoseConnectionIsCutResumesAndGetsExactlyTheMissedMessages() throws Exception {
        XMPPTCPConnection alice = login("alice", "phone", true);
        XMPPTCPConnection bob = login("bob", "desk", false);
        try {
            assertTrue(alice.isSmEnabled() && alice.isSmResumptionPossible(), "stream management with resumption");
            Queue<String> got = bodies(alice);
            bob.sendStanza(chat("alice", "before the cut"));
            Conditions.await("alice gets the first message", () -> got.contains("before the cut"));

            alice.instantShutdown(); // TCP is gone, the stream is not closed
            for (int i = 1; i <= 5; i++) {
                bob.sendStanza(chat("alice", "missed " + i));
            }
            alice.connect().login();
            assertTrue(alice.streamWasResumed(), "the stream was resumed, not a new session");
            bob.sendStanza(chat("alice", "after the resumption"));
            Conditions.await("alice gets everything", () -> got.contains("after the resumption")
                    && got.contains("missed 5"));
            for (int i = 1; i <= 5; i++) {
                assertEquals(1, count(got, "missed " + i), "missed " + i + " exactly once: " + got);
            }
            assertEquals(1, count(got, "before the cut"), "nothing acknowledged is sent again: " + got);

            Queue<String> bobGot = bodies(bob);
            alice.sendStanza(chat("bob", "I am back"));
            Conditions.await("bob hears from the resumed stream", () -> bobGot.contains("I am back"));
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }

    @Test
    void aStreamResumesAfterTheServerIsRestartedOnTheSameDatabase() throws Exception {
        XMPPTCPConnection carol = login("carol", "phone", true);
        XMPPTCPConnection laptop = login("carol", "laptop", false);
        XMPPTCPConnection dave = login("dave", "desk", false);
        Queue<String> got = bodies(carol);
        Queue<String> laptopGot = bodies(laptop);
        try {
            carol.instantShutdown();
            dave.sendStanza(chat("carol", "sent while the phone was away"));
            // Both resources are available: once the laptop has it, the hibernating phone session has it queued.
            Conditions.await("the laptop gets it", () -> laptopGot.contains("sent while the phone was away"));
        } finally {
            laptop.disconnect();
            dave.disconnect();
        }

        int port = server.starttlsPort();
        server.close();
        Map<String, Object> again = new java.util.HashMap<>(settings);
        again.put("hearth.c2s.starttls-port", port); // the client reconnects where it was
        server = TestServer.start(again);
        try {
            carol.connect().login();
            assertTrue(carol.streamWasResumed(), "the stream was resumed after the restart");
            Conditions.await("the queued message arrives", () -> got.contains("sent while the phone was away"));
            XMPPTCPConnection daveAgain = login("dave", "desk", false);
            try {
                Queue<String> daveGot = bodies(daveAgain);
                carol.sendStanza(chat("dave", "back after the restart"));
                Conditions.await("the resumed stream sends", () -> daveGot.contains("back after the restart"));
                daveAgain.sendStanza(chat("carol", "welcome back"));
                Conditions.await("the resumed stream is bound again", () -> got.contains("welcome back"));
            } finally {
                daveAgain.disconnect();
            }
            assertEquals(1, count(got, "sent while the phone was away"), "exactly once: " + got);
        } finally {
            carol.disconnect();
        }
    }

    @Test
    void aSessionNobodyResumesExpiresAfterARestartIntoOfflineStorage() throws Exception {
        // Ten seconds outlive the shutdown, not the restart: the session expires as soon as it is back.
        XMPPTCPConnection phone = login("erin", "phone", true, 10);
        XMPPTCPConnection laptop = login("erin", "laptop", false);
        XMPPTCPConnection dave = login("dave", "desk", false);
        Queue<String> laptopGot = bodies(laptop);
        try {
            phone.instantShutdown();
            dave.sendStanza(chat("erin", "for the phone"));
            Conditions.await("the laptop gets it", () -> laptopGot.contains("for the phone"));
        } finally {
            laptop.disconnect();
            dave.disconnect();
        }
        server.close();
        server = TestServer.start(settings);
        org.jxmpp.jid.BareJid erin = JidCreate.bareFrom("erin@localhost");
        Conditions.await("the phone's unacknowledged message is stored offline", () -> server.accounts()
                .stats(im.hearth.protocol.jid.BareJid.parse("erin@localhost")).toCompletableFuture()
                .get().offlineMessages() == 1);
        XMPPTCPConnection again = Clients.starttls(server, "erin", "erin-secret", "tablet", "SCRAM-SHA-256");
        Queue<String> got = bodies(again); // listening before the login's initial presence brings offline messages
        again.connect().login();
        try {
            Conditions.await("it arrives from offline storage", () -> got.contains("for the phone"));
            assertEquals(1, count(got, "for the phone"));
            assertTrue(erin.equals(again.getUser().asBareJid()));
        } finally {
            again.disconnect();
        }
    }
}
