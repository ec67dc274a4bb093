package im.hearth.actors.feature.privatexml;

import static im.hearth.actors.feature.AccountRequests.errorCondition;
import static im.hearth.actors.feature.AccountRequests.reply;
import static im.hearth.actors.feature.AccountRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrivateXmlDeciderTest {
    private static final String ALICE = "alice@localhost";
    private static final String OWN = ALICE + "/phone";
    private static final PrivateXmlSettings SETTINGS = new PrivateXmlSettings(1024);
    private static final String BOOKMARKS = "<storage xmlns='storage:bookmarks'><conference jid='tea@rooms.localhost'"
            + " autojoin='true'><nick>alice</nick></conference></storage>";

    private static PrivateXml evolve(PrivateXml state, AccountOutcome outcome) {
        for (UserEvent e : outcome.events()) {
            state = state.apply(e);
        }
        return state;
    }

    private static AccountOutcome decide(PrivateXml state, String from, String type, String inner) {
        return PrivateXmlDecider.decide(state, request(ALICE, from, type,
                "<query xmlns='jabber:iq:private'>" + inner + "</query>"), SETTINGS);
    }

    private static String resultXml(AccountOutcome outcome) {
        Element reply = reply(outcome);
        assertEquals("result", reply.attr("type"));
        return XmlWriter.write(reply.firstChild().orElseThrow()).replace('"', '\'');
    }

    @Test
    void ownerStoresThenReadsBookmarks() {
        AccountOutcome set = decide(PrivateXml.EMPTY, OWN, "set", BOOKMARKS);
        assertEquals(Optional.empty(), errorCondition(set));
        PrivateXml state = evolve(PrivateXml.EMPTY, set);
        assertEquals("<query xmlns='jabber:iq:private'>" + BOOKMARKS + "</query>",
                resultXml(decide(state, ALICE + "/laptop", "get", "<storage xmlns='storage:bookmarks'/>")));
    }

    @Test
    void aSetReplacesOnlyTheElementOfTheSameNameAndNamespace() {
        PrivateXml state = evolve(PrivateXml.EMPTY, decide(PrivateXml.EMPTY, OWN, "set", BOOKMARKS));
        state = evolve(state, decide(state, OWN, "set", "<prefs xmlns='exodus:prefs'><a>1</a></prefs>"));
        state = evolve(state, decide(state, OWN, "set", "<prefs xmlns='exodus:prefs'><a>2</a></prefs>"));
        assertEquals(2, state.stored().size());
        assertEquals("<query xmlns='jabber:iq:private'><prefs xmlns='exodus:prefs'><a>2</a></prefs></query>",
                resultXml(decide(state, OWN, "get", "<prefs xmlns='exodus:prefs'/>")));
    }

    @Test
    void nothingStoredIsAnsweredWithTheEmptyElementAskedFor() {
        assertEquals("<query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'/></query>",
                resultXml(decide(PrivateXml.EMPTY, OWN, "get", "<storage xmlns='storage:bookmarks'/>")));
    }

    @Test
    void anotherUserIsForbiddenToReadOrWrite() {
        PrivateXml state = evolve(PrivateXml.EMPTY, decide(PrivateXml.EMPTY, OWN, "set", BOOKMARKS));
        assertEquals(Optional.of("forbidden"),
                errorCondition(decide(state, "bob@localhost/home", "get", "<storage xmlns='storage:bookmarks'/>")));
        AccountOutcome set = decide(state, "bob@localhost/home", "set", BOOKMARKS);
        assertEquals(Optional.of("forbidden"), errorCondition(set));
        assertTrue(set.events().isEmpty());
    }

    @Test
    void reservedNamespacesAreNotAcceptable() {
        for (String ns : new String[] {"jabber:client", "jabber:server", "jabber:iq:private"}) {
            assertEquals(Optional.of("not-acceptable"),
                    errorCondition(decide(PrivateXml.EMPTY, OWN, "set", "<x xmlns='" + ns + "'/>")), ns);
            assertEquals(Optional.of("not-acceptable"),
                    errorCondition(decide(PrivateXml.EMPTY, OWN, "get", "<x xmlns='" + ns + "'/>")), ns);
        }
        // A child without its own namespace inherits jabber:iq:private.
        assertEquals(Optional.of("not-acceptable"), errorCondition(decide(PrivateXml.EMPTY, OWN, "set", "<x/>")));
    }

    @Test
    void overTheLimitIsNotAcceptableCountingWhatIsAlreadyStored() {
        String half = "<a xmlns='x:a'>" + "x".repeat(600) + "</a>";
        PrivateXml state = evolve(PrivateXml.EMPTY, decide(PrivateXml.EMPTY, OWN, "set", half));
        AccountOutcome more = decide(state, OWN, "set", "<b xmlns='x:b'>" + "y".repeat(600) + "</b>");
        assertEquals(Optional.of("not-acceptable"), errorCondition(more));
        assertTrue(more.events().isEmpty());
        // Replacing the same element counts only its new size.
        assertEquals(Optional.empty(), errorCondition(decide(state, OWN, "set", "<a xmlns='x:a'>" + "z".repeat(900) + "</a>")));
    }

    @Test
    void malformedQueriesAreRefused() {
        assertEquals(Optional.of("bad-request"), errorCondition(decide(PrivateXml.EMPTY, OWN, "get", "")));
        assertEquals(Optional.of("bad-request"), errorCondition(decide(PrivateXml.EMPTY, OWN, "get",
                "<a xmlns='x:a'/><b xmlns='x:b'/>")));
        assertEquals(Optional.of("not-acceptable"), errorCondition(decide(PrivateXml.EMPTY, OWN, "set", "")));
        assertEquals(Optional.of("bad-request"), errorCondition(PrivateXmlDecider.decide(PrivateXml.EMPTY,
                request(ALICE, OWN, "get", "<other xmlns='jabber:iq:private'/>"), SETTINGS)));
    }
}
