package im.hearth.actors.feature.pep;

import static im.hearth.actors.feature.AccountRequests.errorCondition;
import static im.hearth.actors.feature.AccountRequests.reply;
import static im.hearth.actors.feature.AccountRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.privatexml.PrivateXmlFeature;
import im.hearth.actors.feature.privatexml.PrivateXmlSettings;
import im.hearth.actors.user.UserState;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** XEP-0048 bookmarks in private XML as a view of the XEP-0402 PEP node (XEP-0402 section 5.3). */
class BookmarksCompatTest {
    private static final String ALICE = "alice@localhost";
    private static final String OWN = ALICE + "/old-client";
    private static final PepSettings PEP = new PepSettings(4096, 3, 8);
    private final PrivateXmlFeature privateXml = new PrivateXmlFeature(new PrivateXmlSettings(8192), PEP);
    private final PepFeature pep = new PepFeature(PEP);
    private UserState state = UserState.EMPTY.apply(new AccountCreated(ALICE, List.of(), Instant.EPOCH));

    private AccountOutcome privateIq(String type, String inner) {
        return apply(privateXml.handleIq(state, request(ALICE, OWN, type, "<query xmlns='jabber:iq:private'>" + inner + "</query>")));
    }

    private AccountOutcome apply(AccountOutcome out) {
        for (UserEvent e : out.events()) {
            state = state.apply(e);
        }
        return out;
    }

    @Test
    void aLegacyBookmarkIsAlsoAPrivateItemOfTheNativeNodeAndBack() {
        AccountOutcome set = privateIq("set", "<storage xmlns='storage:bookmarks'><conference jid='tea@muc.localhost' name='Tea'"
                + " autojoin='1'><nick>alice</nick></conference><url name='Site' url='https://example.org'/></storage>");
        assertEquals(Optional.empty(), errorCondition(set));
        Pep.PepNode node = state.pep().node(BookmarksCompat.NODE).orElseThrow();
        assertEquals(NodeConfig.WHITELIST, node.accessModel());
        assertEquals("<conference xmlns='urn:xmpp:bookmarks:1' name='Tea' autojoin='true'><nick>alice</nick></conference>",
                node.items().get(0).payloadXml());
        assertTrue(set.effects().stream().anyMatch(e -> e instanceof AccountOutcome.Effect.Notify));

        // A XEP-0402 client adds a room; the old client reads both, and its URL is still there.
        apply(pep.handleIq(state, request(ALICE, ALICE + "/new-client", "set",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='urn:xmpp:bookmarks:1'>"
                        + "<item id='coffee@muc.localhost'><conference xmlns='urn:xmpp:bookmarks:1' autojoin='false'/></item>"
                        + "</publish></pubsub>")));
        String view = XmlWriter.write(reply(privateIq("get", "<storage xmlns='storage:bookmarks'/>")));
        assertTrue(view.contains("<conference jid='tea@muc.localhost' name='Tea' autojoin='true'><nick>alice</nick></conference>"), view);
        assertTrue(view.contains("<conference jid='coffee@muc.localhost' autojoin='false'/>"), view);
        assertTrue(view.contains("<url name='Site' url='https://example.org'/>"), view);

        // Dropping a room in the old client retracts it from the node.
        privateIq("set", "<storage xmlns='storage:bookmarks'><conference jid='coffee@muc.localhost'/></storage>");
        assertEquals(List.of("coffee@muc.localhost"),
                state.pep().node(BookmarksCompat.NODE).orElseThrow().items().stream().map(Pep.StoredItem::id).toList());
    }

    @Test
    void moreLegacyBookmarksThanANodeKeepsAreRefused() {
        StringBuilder rooms = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            rooms.append("<conference jid='r").append(i).append("@muc.localhost'/>");
        }
        assertEquals(Optional.of("not-acceptable"), errorCondition(privateIq("set",
                "<storage xmlns='storage:bookmarks'>" + rooms + "</storage>")));
        assertTrue(state.pep().nodes().isEmpty());
        assertTrue(state.privateXml().stored().isEmpty());
    }
}
