package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Message Archive Management (XEP-0313) end to end with Smack's MamManager, on embedded
 * PostgreSQL: history read from a second device, paged backwards from the last page and forwards
 * from the first, filtered by contact; a query right after sending sees the message
 * (read-your-writes). Preferences and bad input are in literal XML: {@code c2s.MamBadInputIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MamIT {
    private static final AtomicInteger BODIES = new AtomicInteger();
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-mam"),
                TestDatabases.newPostgresDatabase());
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob", "carol", "dave"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user, String resource) throws Exception {
        return Clients.loggedIn(server, user, resource);
    }

    private static BareJid jid(String user) throws Exception {
        return JidCreate.bareFrom(user + "@localhost");
    }

    private static void send(XMPPTCPConnection from, String to, String body) throws Exception {
        from.sendStanza(MessageBuilder.buildMessage().to(jid(to)).ofType(Message.Type.chat).setBody(body).build());
    }

    private static List<String> bodies(List<Message> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.getBody()));
        return out;
    }

    private static MamManager.MamQueryArgs.Builder args() {
        return MamManager.MamQueryArgs.builder();
    }

    @Test
    void historyFromASecondDevicePagesBackwardsAndForwards() throws Exception {
        XMPPTCPConnection alice = login("alice", "laptop");
        XMPPTCPConnection bob = login("bob", "home");
        List<String> sent = new ArrayList<>();
        // One sender, so the order of the archive is the order of sending.
        for (int i = 0; i < 12; i++) {
            String body = "history " + i;
            send(alice, "bob", body);
            sent.add(body);
        }
        send(alice, "carol", "not with bob");
        XMPPTCPConnection phone = login("alice", "phone");
        MamManager mam = MamManager.getInstanceFor(phone);
        assertTrue(mam.isSupported());
        BareJid bobJid = jid("bob");

        // The newest page first, then older pages, as a phone fills its history (XEP-0059 2.5).
        Conditions.await("bob's 12 messages archived", () -> mam.queryArchive(args().limitResultsToJid(bobJid)
                .setResultPageSize(100).build()).getMessageCount() == 12);
        MamManager.MamQuery last = mam.queryArchive(args().limitResultsToJid(bobJid).setResultPageSize(5)
                .queryLastPage().build());
        assertEquals(sent.subList(7, 12), bodies(last.getMessages()));
        assertFalse(last.isComplete());
        assertEquals(sent.subList(2, 7), bodies(last.pagePrevious(5)));
        assertEquals(sent.subList(0, 2), bodies(last.pagePrevious(5)));
        assertTrue(last.isComplete());

        // From the oldest forwards.
        MamManager.MamQuery first = mam.queryArchive(args().limitResultsToJid(bobJid).setResultPageSize(5).build());
        assertEquals(sent.subList(0, 5), bodies(first.getMessages()));
        assertFalse(first.isComplete());
        assertEquals(sent.subList(5, 10), bodies(first.pageNext(5)));
        assertEquals(sent.subList(10, 12), bodies(first.pageNext(5)));
        assertTrue(first.isComplete());

        // Without a 'with' filter the message to carol is there too, newest last.
        MamManager.MamQuery all = mam.queryArchive(args().setResultPageSize(1).queryLastPage().build());
        assertEquals(List.of("not with bob"), bodies(all.getMessages()));
        alice.disconnect();
        bob.disconnect();
        phone.disconnect();
    }

    @Test
    void aQueryRightAfterSendingSeesTheMessage() throws Exception {
        XMPPTCPConnection carol = login("carol", "desk");
        MamManager mam = MamManager.getInstanceFor(carol);
        assertTrue(mam.isSupported());
        for (int i = 0; i < 5; i++) {
            String body = "fresh " + BODIES.incrementAndGet();
            send(carol, "dave", body);
            // No waiting: the index may not have it yet, the journal does.
            MamManager.MamQuery q = mam.queryArchive(args().limitResultsToJid(jid("dave")).setResultPageSize(1)
                    .queryLastPage().build());
            assertEquals(List.of(body), bodies(q.getMessages()));
        }
        carol.disconnect();
    }
}
