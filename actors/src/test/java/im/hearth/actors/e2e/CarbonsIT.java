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
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Message Carbons (XEP-0280) end to end with Smack's CarbonManager, on embedded PostgreSQL: alice
 * on a desk and a phone, bob as the contact. Sent and received copies reach the other resource,
 * with the archive's stanza-id; a private message and a disabled resource get none. That nothing
 * arrived is shown by a later message that did (one session's stanzas arrive in order).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarbonsIT {
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-carbons"),
                TestDatabases.newPostgresDatabase());
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user, String resource) throws Exception {
        return Clients.loggedIn(server, user, resource);
    }

    /** One copy as Smack's CarbonManager hands it over. */
    private record Copy(CarbonExtension.Direction direction, Message message) {
        String body() {
            return message.getBody();
        }
    }

    private static Message chat(String to, String body) throws Exception {
        return MessageBuilder.buildMessage().to(JidCreate.from(to)).ofType(Message.Type.chat).setBody(body).build();
    }

    private static boolean got(Queue<Message> inbox, String body) {
        return inbox.stream().anyMatch(m -> body.equals(m.getBody()));
    }

    @Test
    void copiesReachTheOtherResourceUnlessPrivateOrDisabled() throws Exception {
        XMPPTCPConnection desk = login("alice", "desk");
        XMPPTCPConnection phone = login("alice", "phone");
        XMPPTCPConnection bob = login("bob", "home");
        Queue<Copy> deskCopies = new ConcurrentLinkedQueue<>();
        Queue<Message> deskGot = new ConcurrentLinkedQueue<>();
        Queue<Message> phoneGot = new ConcurrentLinkedQueue<>();
        Queue<Message> bobGot = new ConcurrentLinkedQueue<>();
        try {
            CarbonManager deskCarbons = CarbonManager.getInstanceFor(desk);
            assertTrue(deskCarbons.isSupportedByServer(), "urn:xmpp:carbons:2 in the server's disco#info");
            deskCarbons.setCarbonsEnabled(true);
            CarbonManager.getInstanceFor(phone).setCarbonsEnabled(true);
            deskCarbons.addCarbonCopyReceivedListener((direction, copy, wrapper) -> deskCopies.add(new Copy(direction, copy)));
            desk.addAsyncStanzaListener(s -> deskGot.add((Message) s), StanzaTypeFilter.MESSAGE);
            phone.addAsyncStanzaListener(s -> phoneGot.add((Message) s), StanzaTypeFilter.MESSAGE);
            bob.addAsyncStanzaListener(s -> bobGot.add((Message) s), StanzaTypeFilter.MESSAGE);

            // Section 8: what the phone sends, the desk sees as sent, with the archive's stanza-id.
            phone.sendStanza(chat("bob@localhost", "sent from the phone"));
            Conditions.await("bob got it", () -> got(bobGot, "sent from the phone"));
            Conditions.await("the desk got a sent copy", () -> deskCopies.stream().anyMatch(c ->
                    c.direction() == CarbonExtension.Direction.sent && "sent from the phone".equals(c.body())));
            Copy sent = deskCopies.stream().filter(c -> "sent from the phone".equals(c.body())).findFirst().orElseThrow();
            assertEquals(JidCreate.from("bob@localhost"), sent.message().getTo());
            assertTrue(sent.message().hasExtension("stanza-id", "urn:xmpp:sid:0"), "the copy carries the archive id");

            // Section 7: what bob sends to the phone alone, the desk sees as received.
            bob.sendStanza(chat("alice@localhost/phone", "to the phone only"));
            Conditions.await("the phone got it", () -> got(phoneGot, "to the phone only"));
            Conditions.await("the desk got a received copy", () -> deskCopies.stream().anyMatch(c ->
                    c.direction() == CarbonExtension.Direction.received && "to the phone only".equals(c.body())));
            Jid from = deskCopies.stream().filter(c -> "to the phone only".equals(c.body())).findFirst().orElseThrow()
                    .message().getFrom();
            assertEquals(JidCreate.from("bob@localhost/home"), from);

            // Section 7: a private message is not copied (bob's later message to the desk shows it).
            Message secret = chat("bob@localhost", "private from the phone");
            CarbonManager.disableCarbons(secret);
            phone.sendStanza(secret);
            Conditions.await("bob got the private one", () -> got(bobGot, "private from the phone"));
            bob.sendStanza(chat("alice@localhost/desk", "marker one"));
            Conditions.await("the desk got marker one", () -> got(deskGot, "marker one"));
            assertTrue(deskCopies.stream().noneMatch(c -> "private from the phone".equals(c.body())));

            // Section 5: once the desk disables carbons, it gets no more copies.
            deskCarbons.setCarbonsEnabled(false);
            phone.sendStanza(chat("bob@localhost", "after the desk disabled"));
            Conditions.await("bob got it", () -> got(bobGot, "after the desk disabled"));
            bob.sendStanza(chat("alice@localhost/desk", "marker two"));
            Conditions.await("the desk got marker two", () -> got(deskGot, "marker two"));
            assertTrue(deskCopies.stream().noneMatch(c -> "after the desk disabled".equals(c.body())));
        } finally {
            desk.disconnect();
            phone.disconnect();
            bob.disconnect();
        }
    }
}
