package im.hearth.actors.feature.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.persistence.event.user.blocking.BlocklistCleared;
import im.hearth.persistence.event.user.blocking.JidsBlocked;
import im.hearth.persistence.event.user.blocking.JidsUnblocked;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JID matching of XEP-0191 section 6 (the rules of XEP-0016 section 2.1), and evolving the list. */
class BlocklistTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Blocklist of(String... jids) {
        return new Blocklist(List.of(jids));
    }

    @Test
    void aFullJidItemMatchesOnlyThatFullJid() {
        Blocklist b = of("romeo@montague.net/orchard");
        assertTrue(b.blocks("romeo@montague.net/orchard"));
        assertFalse(b.blocks("romeo@montague.net"));
        assertFalse(b.blocks("romeo@montague.net/garden"));
        assertFalse(b.blocks("montague.net"));
    }

    @Test
    void aBareJidItemMatchesTheBareJidWithAnyResource() {
        Blocklist b = of("romeo@montague.net");
        assertTrue(b.blocks("romeo@montague.net"));
        assertTrue(b.blocks("romeo@montague.net/orchard"));
        assertFalse(b.blocks("benvolio@montague.net"));
        assertFalse(b.blocks("montague.net"));
    }

    @Test
    void aDomainItemMatchesTheDomainItsUsersAndTheirResources() {
        Blocklist b = of("montague.net");
        assertTrue(b.blocks("montague.net"));
        assertTrue(b.blocks("montague.net/server"));
        assertTrue(b.blocks("romeo@montague.net"));
        assertTrue(b.blocks("romeo@montague.net/orchard"));
        assertFalse(b.blocks("capulet.com"));
        assertFalse(b.blocks("romeo@sub.montague.net"));
    }

    @Test
    void aDomainResourceItemMatchesOnlyThatAddress() {
        Blocklist b = of("montague.net/server");
        assertTrue(b.blocks("montague.net/server"));
        assertFalse(b.blocks("montague.net"));
        assertFalse(b.blocks("romeo@montague.net/server"));
    }

    @Test
    void matchingUsesPreparedJidsAndIgnoresInvalidOnes() {
        Blocklist b = of("romeo@montague.net");
        assertTrue(b.blocks("Romeo@Montague.NET/Orchard"));
        assertFalse(b.blocks("@@bad"));
        assertFalse(b.blocks((String) null));
        assertFalse(Blocklist.EMPTY.blocks("romeo@montague.net"));
    }

    @Test
    void evolvesFromItsEvents() {
        Blocklist b = Blocklist.EMPTY
                .apply(new JidsBlocked(List.of("romeo@montague.net", "iago@shakespeare.lit"), T))
                .apply(new JidsUnblocked(List.of("romeo@montague.net"), T));
        assertEquals(List.of("iago@shakespeare.lit"), b.jids());
        assertEquals(Blocklist.EMPTY, b.apply(new BlocklistCleared(T)));
    }
}
