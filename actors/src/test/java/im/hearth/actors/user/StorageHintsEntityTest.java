package im.hearth.actors.user;

import static im.hearth.actors.user.EntityHarness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * XEP-0334 storage hints in the User entity: no-permanent-store keeps a message out of the archive
 * (but offline storage keeps it), no-store out of both; either way it is still delivered and sent.
 */
class StorageHintsEntityTest {
    private static ActorTestKit testKit;

    @BeforeAll
    static void startSystem() {
        testKit = EntityHarness.testKit("StorageHintsEntityTest");
    }

    @AfterAll
    static void stopSystem() {
        testKit.shutdownTestKit();
    }

    private static String chat(String to, String hint) {
        return "<message xmlns='jabber:client' type='chat' id='h1' from='romeo@montague.example/orchard' to='" + to + "'>"
                + "<body>soft, what light</body><" + hint + " xmlns='urn:xmpp:hints'/></message>";
    }

    @Test
    void noPermanentStoreIsKeptOfflineButNotArchived() {
        EntityHarness h = new EntityHarness(testKit, "juliet", List.of());
        var result = h.deliver(chat(h.jid, "no-permanent-store"));
        assertEquals(1, result.events().size(), "only the offline copy: " + result.events());
        StoredOffline stored = result.eventOfType(StoredOffline.class);
        assertFalse(stored.stanzaXml().contains(Namespaces.STANZA_ID), "no archive id for what is not archived");
        assertEquals(1, result.state().offline().size());
    }

    @Test
    void noStoreIsKeptNowhere() {
        EntityHarness h = new EntityHarness(testKit, "juliet", List.of());
        var result = h.deliver(chat(h.jid, "no-store"));
        assertTrue(result.hasNoEvents());
        assertTrue(result.state().offline().isEmpty());
    }

    @Test
    void hintedMessagesAreStillDeliveredAndSentWithoutAJournalEntry() {
        EntityHarness h = new EntityHarness(testKit, "juliet", List.of());
        var session = h.online("balcony");
        var in = h.deliver(chat(h.jid, "no-permanent-store"));
        assertTrue(in.hasNoEvents());
        assertEquals("h1", next(session).attr("id"));

        var out = h.send("<message xmlns='jabber:client' type='chat' id='h2' from='" + h.jid + "/balcony' "
                + "to='romeo@montague.example'><body>O Romeo</body><no-store xmlns='urn:xmpp:hints'/></message>");
        assertTrue(out.hasNoEvents());
        assertEquals("h2", h.nextRouted().attr("id"));
    }
}
