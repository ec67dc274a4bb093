package im.hearth.actors.feature.mam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.roster.Roster;
import im.hearth.persistence.event.user.mam.ArchivePrefsSet;
import im.hearth.persistence.event.user.roster.RosterItemSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchivePrefsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Roster ROSTER = Roster.EMPTY.apply(new RosterItemSet("bob@localhost", "Bob", List.of(), NOW));

    private static ArchivePrefs prefs(String def, List<String> always, List<String> never) {
        return ArchivePrefs.EMPTY.apply(new ArchivePrefsSet(def, always, never, NOW));
    }

    @Test
    void archivesEverythingByDefault() {
        assertTrue(ArchivePrefs.EMPTY.archives("stranger@example.org", Roster.EMPTY));
    }

    @Test
    void rosterDefaultArchivesOnlyContactsOnTheRoster() { // XEP-0441 section 2
        ArchivePrefs p = prefs("roster", List.of(), List.of());
        assertTrue(p.archives("bob@localhost", ROSTER));
        assertFalse(p.archives("stranger@example.org", ROSTER));
    }

    @Test
    void listsOverrideTheDefaultAndNeverWinsOverAlways() {
        ArchivePrefs p = prefs("never", List.of("bob@localhost", "both@localhost"), List.of("both@localhost"));
        assertTrue(p.archives("bob@localhost", Roster.EMPTY));
        assertFalse(p.archives("carol@localhost", Roster.EMPTY));
        assertFalse(p.archives("both@localhost", Roster.EMPTY));
        assertFalse(prefs("always", List.of(), List.of("bob@localhost")).archives("bob@localhost", ROSTER));
    }

    @Test
    void otherEventsLeaveThePrefsAsTheyAre() {
        ArchivePrefs p = prefs("roster", List.of(), List.of());
        assertSame(p, p.apply(new RosterItemSet("bob@localhost", "Bob", List.of(), NOW)));
    }
}
