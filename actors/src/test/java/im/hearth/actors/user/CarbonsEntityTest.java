package im.hearth.actors.user;

import static im.hearth.actors.user.EntityHarness.expectNoStanza;
import static im.hearth.actors.user.EntityHarness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.carbons.CarbonsFeature;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.protocol.feature.carbons.Carbons;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The User entity's carbon copies (XEP-0280): sent and received copies to the other
 * carbons-enabled sessions only, with the archive's stanza-id; none for private, no-copy or
 * groupchat messages; forged copies from outside lose their wrapper.
 */
class CarbonsEntityTest {
    private static ActorTestKit testKit;
    private EntityHarness h;
    private TestProbe<SessionMessage> phone;
    private TestProbe<SessionMessage> laptop;
    private TestProbe<SessionMessage> tablet;

    @BeforeAll
    static void startSystem() {
        testKit = EntityHarness.testKit("CarbonsEntityTest");
    }

    @AfterAll
    static void stopSystem() {
        testKit.shutdownTestKit();
    }

    /** phone and laptop enable carbons, tablet does not; all three are available. */
    @BeforeEach
    void threeSessions() {
        h = new EntityHarness(testKit, "romeo", List.of(new CarbonsFeature()));
        phone = h.online("phone");
        laptop = h.online("laptop");
        tablet = h.online("tablet");
        enable("phone", phone);
        enable("laptop", laptop);
    }

    private void enable(String resource, TestProbe<SessionMessage> session) {
        h.accountIq(resource, "<iq xmlns='jabber:client' type='set' id='c-" + resource + "' from='" + h.jid + "/" + resource
                + "'><enable xmlns='urn:xmpp:carbons:2'/></iq>");
        assertEquals("result", next(session).attr("type"));
    }

    private String chatTo(String to, String extra) {
        return "<message xmlns='jabber:client' type='chat' id='m1' from='" + h.jid + "/phone' to='" + to + "'>"
                + "<body>Neither, fair saint</body>" + extra + "</message>";
    }

    private String chatFromJuliet(String to, String extra) {
        return "<message xmlns='jabber:client' type='chat' id='j1' from='juliet@capulet.example/balcony' to='" + to
                + "'><body>Wherefore art thou</body>" + extra + "</message>";
    }

    @Test
    void aSentMessageIsCopiedToTheOtherEnabledSessionWithItsStanzaId() {
        var result = h.send(chatTo("juliet@capulet.example", ""));
        String archiveId = result.eventOfType(MessageArchived.class).stanzaId();

        Element copy = next(laptop);
        assertEquals(h.jid, copy.attr("from"));
        assertEquals(h.jid + "/laptop", copy.attr("to"));
        assertEquals("chat", copy.attr("type"));
        Element inner = Carbons.unwrap(copy, Carbons.Direction.SENT).orElseThrow();
        assertEquals("juliet@capulet.example", inner.attr("to"));
        assertEquals(archiveId, inner.child("stanza-id", Namespaces.STANZA_ID).orElseThrow().attr("id"));
        assertEquals("juliet@capulet.example", h.nextRouted().attr("to"));
        expectNoStanza(phone);  // the sender
        expectNoStanza(tablet); // carbons off
    }

    @Test
    void aMessageToOneResourceIsCopiedAsReceivedToTheOtherEnabledSessions() {
        var result = h.deliver(chatFromJuliet(h.jid + "/phone", ""));
        String archiveId = result.eventOfType(MessageArchived.class).stanzaId();

        assertEquals("j1", next(phone).attr("id"));
        Element copy = next(laptop);
        Element inner = Carbons.unwrap(copy, Carbons.Direction.RECEIVED).orElseThrow();
        assertEquals("juliet@capulet.example/balcony", inner.attr("from"));
        assertEquals(archiveId, inner.child("stanza-id", Namespaces.STANZA_ID).orElseThrow().attr("id"));
        expectNoStanza(tablet);
    }

    @Test
    void aMessageEveryResourceGetsNeedsNoCopy() {
        h.deliver(chatFromJuliet(h.jid, ""));
        assertEquals("j1", next(phone).attr("id"));
        assertEquals("j1", next(laptop).attr("id"));
        assertEquals("j1", next(tablet).attr("id"));
        expectNoStanza(laptop);
    }

    @Test
    void privateAndNoCopyMessagesAreNotCopiedAndThePrivateElementIsRemoved() {
        h.send(chatTo("juliet@capulet.example", "<private xmlns='urn:xmpp:carbons:2'/>"));
        h.send(chatTo("juliet@capulet.example", "<no-copy xmlns='urn:xmpp:hints'/>"));
        h.deliver(chatFromJuliet(h.jid + "/phone", "<private xmlns='urn:xmpp:carbons:2'/>"));
        Element delivered = next(phone);
        assertFalse(delivered.child("private", Carbons.NAMESPACE).isPresent(), "section 7: removed before delivery");
        expectNoStanza(laptop);
    }

    @Test
    void groupchatAndHeadlinesAreNotCopiedButChatStatesAre() {
        h.send("<message xmlns='jabber:client' type='groupchat' from='" + h.jid + "/phone' to='room@muc.example'>"
                + "<body>hi all</body></message>");
        h.deliver("<message xmlns='jabber:client' type='headline' from='news.example' to='" + h.jid + "/phone'>"
                + "<body>news</body></message>");
        next(phone);
        expectNoStanza(laptop);

        var state = h.send("<message xmlns='jabber:client' type='chat' from='" + h.jid + "/phone' to='juliet@capulet.example'>"
                + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
        assertTrue(state.hasNoEvents(), "a chat state is not archived");
        assertTrue(Carbons.unwrap(next(laptop), Carbons.Direction.SENT).isPresent(), "section 10.2: but it is copied");
    }

    @Test
    void aDisabledSessionGetsNoMoreCopies() {
        h.accountIq("laptop", "<iq xmlns='jabber:client' type='set' id='d1' from='" + h.jid + "/laptop'>"
                + "<disable xmlns='urn:xmpp:carbons:2'/></iq>");
        assertEquals("result", next(laptop).attr("type"));
        h.send(chatTo("juliet@capulet.example", ""));
        expectNoStanza(laptop);
    }

    @Test
    void aForgedCopyFromOutsideLosesItsWrapper() {
        // CVE-2017-5603 class: a contact claims to forward a message "sent" by the user.
        String forged = chatFromJuliet(h.jid + "/phone", "<sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                + "<message xmlns='jabber:client' from='" + h.jid + "/laptop' to='juliet@capulet.example' type='chat'>"
                + "<body>I never said this</body></message></forwarded></sent>"
                + "<received xmlns='urn:xmpp:carbons:2'/>");
        var result = h.deliver(forged);
        Element delivered = next(phone);
        assertFalse(Carbons.isCopy(delivered));
        assertEquals("Wherefore art thou", delivered.childText("body", Namespaces.CLIENT).orElseThrow());
        assertFalse(result.eventOfType(MessageArchived.class).stanzaXml().contains(Carbons.NAMESPACE));
        Element copy = next(laptop);
        assertFalse(Carbons.isCopy(Carbons.unwrap(copy, Carbons.Direction.RECEIVED).orElseThrow()),
                "the genuine copy holds the cleaned message");
    }

    @Test
    void onlyTheAccountsOwnSessionsMayEnableCarbons() {
        h.deliver("<iq xmlns='jabber:client' type='set' id='x1' from='juliet@capulet.example/balcony' to='" + h.jid + "'>"
                + "<enable xmlns='urn:xmpp:carbons:2'/></iq>");
        Element error = h.nextRouted();
        assertEquals("error", error.attr("type"));
        assertEquals(StanzaErrorCondition.NOT_ALLOWED,
                StanzaError.parse(error.child("error", Namespaces.CLIENT).orElseThrow()).orElseThrow().condition());

        h.accountIq("tablet", "<iq xmlns='jabber:client' type='get' id='g1' from='" + h.jid + "/tablet'>"
                + "<enable xmlns='urn:xmpp:carbons:2'/></iq>");
        assertEquals("error", next(tablet).attr("type"));
    }
}
