package im.hearth.actors.feature.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.roster.RosterDecider.Effect;
import im.hearth.actors.feature.roster.RosterDecider.Outcome;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.roster.RosterItemRemoved;
import im.hearth.persistence.event.user.roster.RosterItemSet;
import im.hearth.persistence.event.user.roster.SubscriptionChanged;
import im.hearth.protocol.feature.roster.RosterQuery;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterDeciderTest {
    private static final BareJid ALICE = BareJid.parse("alice@localhost");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Element iq(String type, String query) {
        return XmlReader.parse("<iq xmlns='jabber:client' type='" + type + "' id='r1' from='alice@localhost/phone'>"
                + query + "</iq>");
    }

    private static Roster apply(Roster r, Outcome o) {
        for (UserEvent e : o.events()) {
            r = r.apply(e);
        }
        return r;
    }

    private static Element reply(Outcome o) {
        return o.effects().stream().filter(e -> e instanceof Effect.Reply).map(e -> ((Effect.Reply) e).stanza())
                .findFirst().orElseThrow();
    }

    private static Outcome set(Roster r, String item) {
        Element iq = iq("set", "<query xmlns='jabber:iq:roster'>" + item + "</query>");
        return RosterDecider.onIq(r, ALICE, iq, iq.child("query", RosterQuery.NAMESPACE).orElseThrow(), NOW);
    }

    private static Outcome get(Roster r, String ver) {
        Element iq = iq("get", "<query xmlns='jabber:iq:roster'" + (ver == null ? "" : " ver='" + ver + "'") + "/>");
        return RosterDecider.onIq(r, ALICE, iq, iq.child("query", RosterQuery.NAMESPACE).orElseThrow(), NOW);
    }

    @Test
    void setAddsTheItemAndPushesIt() {
        Outcome o = set(Roster.EMPTY, "<item jid='Bob@Localhost' name='Bob'><group>Friends</group></item>");
        assertEquals(List.of(new RosterItemSet("bob@localhost", "Bob", List.of("Friends"), NOW)), o.events());
        assertEquals("result", reply(o).attr("type"));
        Effect.Push push = (Effect.Push) o.effects().stream().filter(e -> e instanceof Effect.Push).findFirst().orElseThrow();
        assertEquals("bob@localhost", push.item().jid());
        assertEquals("none", push.item().subscription());
        assertEquals("1", push.version());
    }

    @Test
    void getReturnsTheWholeRosterWithItsVersion() {
        Roster r = apply(Roster.EMPTY, set(Roster.EMPTY, "<item jid='bob@localhost'/>"));
        Element result = reply(get(r, null));
        RosterQuery q = RosterQuery.parse(result.child("query", RosterQuery.NAMESPACE).orElseThrow()).orElseThrow();
        assertEquals("1", q.ver());
        assertEquals("bob@localhost", q.items().get(0).jid());
    }

    @Test
    void versionedGetReturnsOnlyTheChangesAsPushes() {
        Roster r = apply(Roster.EMPTY, set(Roster.EMPTY, "<item jid='bob@localhost'/>"));
        r = apply(r, set(r, "<item jid='carol@localhost'/>"));
        r = apply(r, set(r, "<item jid='bob@localhost' subscription='remove'/>"));
        Outcome o = get(r, "1");
        assertTrue(reply(o).children().isEmpty(), "an empty result (XEP-0237 section 4)");
        List<String> pushed = o.effects().stream().filter(e -> e instanceof Effect.PushToRequester)
                .map(e -> ((Effect.PushToRequester) e).item().jid() + ":" + ((Effect.PushToRequester) e).item().subscription())
                .toList();
        assertEquals(List.of("carol@localhost:none", "bob@localhost:remove"), pushed);
        assertEquals(0, get(r, "3").effects().stream().filter(e -> e instanceof Effect.PushToRequester).count(),
                "an up-to-date client gets nothing");
        assertTrue(reply(get(r, "not-a-version")).child("query", RosterQuery.NAMESPACE).isPresent(),
                "an unknown version gets the whole roster");
    }

    @Test
    void removingAContactEndsBothSubscriptions() {
        Roster r = Roster.EMPTY.apply(new SubscriptionChanged("bob@localhost", "both", false, false, false, NOW));
        Outcome o = set(r, "<item jid='bob@localhost' subscription='remove'/>");
        assertEquals(List.of(new RosterItemRemoved("bob@localhost", NOW)), o.events());
        List<String> routed = o.effects().stream().filter(e -> e instanceof Effect.Route)
                .map(e -> ((Effect.Route) e).stanza().attr("type")).toList();
        assertEquals(List.of("unsubscribe", "unsubscribed"), routed);
    }

    @Test
    void badSetsAreRefusedWithTheRfcErrors() {
        assertEquals("bad-request", condition(set(Roster.EMPTY, "<item jid='a@b'/><item jid='c@d'/>")));
        assertEquals("bad-request", condition(set(Roster.EMPTY, "<item name='x'/>")));
        assertEquals("jid-malformed", condition(set(Roster.EMPTY, "<item jid='@@'/>")));
        assertEquals("not-acceptable", condition(set(Roster.EMPTY, "<item jid='a@b'><group></group></item>")));
        assertEquals("bad-request", condition(set(Roster.EMPTY, "<item jid='a@b'><group>X</group><group>X</group></item>")));
        assertEquals("not-acceptable", condition(set(Roster.EMPTY, "<item jid='a@b' name='" + "n".repeat(1024) + "'/>")));
        assertEquals("item-not-found", condition(set(Roster.EMPTY, "<item jid='a@b' subscription='remove'/>")));
    }

    private static String condition(Outcome o) {
        Element reply = reply(o);
        assertEquals("error", reply.attr("type"));
        return reply.child("error", "jabber:client").orElseThrow().elements().get(0).name();
    }

    @Test
    void outboundSubscribeAddsAPendingItemAndRoutesFromTheBareJid() {
        Element presence = XmlReader.parse("<presence xmlns='jabber:client' type='subscribe' to='bob@localhost' from='alice@localhost/phone'/>");
        Outcome o = RosterDecider.outbound(Roster.EMPTY, ALICE, "bob@localhost", Subscription.Type.SUBSCRIBE, presence, NOW);
        assertEquals(List.of(new SubscriptionChanged("bob@localhost", "none", true, false, false, NOW)), o.events());
        Effect.Push push = (Effect.Push) o.effects().get(0);
        assertTrue(push.item().askSubscribe());
        Effect.Route route = assertInstanceOf(Effect.Route.class, o.effects().get(1));
        assertEquals("alice@localhost", route.stanza().attr("from"));
    }

    @Test
    void inboundSubscribeFromAnAlreadySubscribedContactIsAnsweredByTheServer() {
        Roster r = Roster.EMPTY.apply(new SubscriptionChanged("bob@localhost", "from", false, false, false, NOW));
        Element presence = XmlReader.parse("<presence xmlns='jabber:client' type='subscribe' from='bob@localhost' to='alice@localhost'/>");
        Outcome o = RosterDecider.inbound(r, ALICE, "bob@localhost", Subscription.Type.SUBSCRIBE, presence, NOW);
        assertEquals(List.of(), o.events());
        Effect.Route route = assertInstanceOf(Effect.Route.class, o.effects().get(0));
        assertEquals("subscribed", route.stanza().attr("type"));
        assertEquals("bob@localhost", route.stanza().attr("to"));
    }

    @Test
    void aContactKnownOnlyByItsRequestIsNotListedUntilAnswered() {
        Element presence = XmlReader.parse("<presence xmlns='jabber:client' type='subscribe' from='bob@localhost' to='alice@localhost'/>");
        Outcome o = RosterDecider.inbound(Roster.EMPTY, ALICE, "bob@localhost", Subscription.Type.SUBSCRIBE, presence, NOW);
        Roster r = apply(Roster.EMPTY, o);
        assertTrue(r.listed().isEmpty(), "RFC 6121 3.1.3: no roster item for a pending inbound request");
        assertInstanceOf(Effect.DeliverToUser.class, o.effects().get(0));
        Element approve = XmlReader.parse("<presence xmlns='jabber:client' type='subscribed' to='bob@localhost'/>");
        Roster after = apply(r, RosterDecider.outbound(r, ALICE, "bob@localhost", Subscription.Type.SUBSCRIBED, approve, NOW));
        assertEquals("from", after.listed().get(0).subscription().kind().value());
    }
}
