package im.hearth.actors.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An unresumed XEP-0198 session's unacknowledged messages going to offline storage: archived ones, each once. */
class UnackedHandoverTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserState ALICE = UserState.EMPTY.apply(new AccountCreated("alice@example.net", List.of(), NOW));

    private static String message(String body, String stanzaId, String by) {
        return "<message xmlns='jabber:client' from='bob@example.net/a' to='alice@example.net/phone' type='chat'><body>"
                + body + "</body>" + (stanzaId == null ? ""
                : "<stanza-id xmlns='urn:xmpp:sid:0' id='" + stanzaId + "' by='" + by + "'/>") + "</message>";
    }

    @Test
    void archivedMessagesGoOfflineOthersDoNot() {
        List<UserEvent> events = UnackedHandover.toOffline(ALICE, "alice@example.net", List.of(
                message("archived", "id1", "alice@example.net"),
                message("someone else's id", "id2", "bob@example.net"),
                message("no id", null, null),
                "<presence xmlns='jabber:client' from='bob@example.net/a'/>"), NOW);
        assertEquals(1, events.size());
        StoredOffline stored = (StoredOffline) events.get(0);
        assertEquals("id1", stored.stanzaId());
        assertTrue(stored.stanzaXml().contains("archived"));
    }

    @Test
    void aMessageAlreadyOfflineOrHandedOverTwiceIsStoredOnce() {
        String m = message("once", "id1", "alice@example.net");
        UserState withIt = ALICE.apply(new StoredOffline("id1", NOW, m));
        assertTrue(UnackedHandover.toOffline(withIt, "alice@example.net", List.of(m), NOW).isEmpty());
        assertEquals(1, UnackedHandover.toOffline(ALICE, "alice@example.net", List.of(m, m), NOW).size());
    }

    @Test
    void nothingIsStoredForAnAccountThatIsGone() {
        assertTrue(UnackedHandover.toOffline(UserState.EMPTY, "alice@example.net",
                List.of(message("late", "id1", "alice@example.net")), NOW).isEmpty());
    }
}
