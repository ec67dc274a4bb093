package im.hearth.actors.feature.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.blocking.BlockingRules.Verdict;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.persistence.event.user.roster.SubscriptionChanged;
import im.hearth.protocol.feature.blocking.BlockingPayload;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaErrorType;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Enforcement of XEP-0191 sections 3.3 to 3.5, in both directions. */
class BlockingRulesTest {
    private static final BareJid JULIET = BareJid.parse("juliet@capulet.com");
    private static final Blocklist ROMEO = new Blocklist(List.of("romeo@montague.net"));

    private static Verdict in(String xml) {
        return BlockingRules.inbound(ROMEO, JULIET, XmlReader.parse(xml));
    }

    private static Verdict out(String xml) {
        return BlockingRules.outbound(ROMEO, JULIET, XmlReader.parse(xml));
    }

    private static StanzaError errorOf(Verdict v) {
        Element e = assertInstanceOf(Verdict.Refuse.class, v).error();
        assertEquals("error", e.attr("type"));
        return StanzaError.parse(e.firstChild().orElseThrow()).orElseThrow();
    }

    @Test
    void aMessageFromABlockedJidIsAnsweredServiceUnavailable() {
        Verdict v = in("<message xmlns='jabber:client' from='romeo@montague.net/orchard' to='juliet@capulet.com'"
                + " type='chat' id='m1'><body>Hi</body></message>");
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE, errorOf(v).condition());
        Element e = ((Verdict.Refuse) v).error();
        assertEquals("romeo@montague.net/orchard", e.attr("to"));
        assertEquals("juliet@capulet.com", e.attr("from"));
    }

    @Test
    void presenceOfEveryKindFromABlockedJidIsDropped() {
        for (String type : new String[] {null, "unavailable", "subscribe", "subscribed", "unsubscribe", "unsubscribed", "probe"}) {
            String t = type == null ? "" : " type='" + type + "'";
            assertInstanceOf(Verdict.Drop.class, in("<presence xmlns='jabber:client' from='romeo@montague.net/orchard'"
                    + " to='juliet@capulet.com'" + t + "/>"), String.valueOf(type));
        }
    }

    @Test
    void iqRequestsFromABlockedJidAreRefusedAndResponsesDropped() { // example 10
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE, errorOf(in("<iq xmlns='jabber:client' type='get' id='ver1'"
                + " from='romeo@montague.net/orchard' to='juliet@capulet.com/balcony'><query xmlns='jabber:iq:version'/></iq>")).condition());
        assertInstanceOf(Verdict.Drop.class, in("<iq xmlns='jabber:client' type='result' id='r'"
                + " from='romeo@montague.net/orchard' to='juliet@capulet.com/balcony'/>"));
        assertInstanceOf(Verdict.Drop.class, in("<message xmlns='jabber:client' type='error' id='e'"
                + " from='romeo@montague.net' to='juliet@capulet.com'/>"));
    }

    @Test
    void otherSendersAndTheUsersOwnResourcesPass() {
        assertInstanceOf(Verdict.Pass.class, in("<message xmlns='jabber:client' from='nurse@capulet.com/x'"
                + " to='juliet@capulet.com' type='chat'><body>Hi</body></message>"));
        Blocklist self = new Blocklist(List.of("capulet.com"));
        assertInstanceOf(Verdict.Pass.class, BlockingRules.inbound(self, JULIET, XmlReader.parse(
                "<message xmlns='jabber:client' from='juliet@capulet.com/balcony' to='juliet@capulet.com/chamber'/>")));
    }

    @Test
    void aStanzaToABlockedJidIsRefusedWithTheBlockedCondition() { // example 11
        Verdict v = out("<message xmlns='jabber:client' type='chat' id='m2' from='juliet@capulet.com/chamber'"
                + " to='romeo@montague.net'><body>Can you hear me?</body></message>");
        StanzaError error = errorOf(v);
        assertEquals(StanzaErrorCondition.NOT_ACCEPTABLE, error.condition());
        assertEquals(StanzaErrorType.CANCEL, error.type());
        Element errorElement = ((Verdict.Refuse) v).error().firstChild().orElseThrow();
        assertTrue(errorElement.child("blocked", BlockingPayload.ERRORS_NAMESPACE).isPresent());
        assertEquals("juliet@capulet.com/chamber", ((Verdict.Refuse) v).error().attr("to"));

        assertInstanceOf(Verdict.Refuse.class, out("<presence xmlns='jabber:client' from='juliet@capulet.com/chamber'"
                + " to='romeo@montague.net/orchard' type='subscribe'/>"));
        assertInstanceOf(Verdict.Refuse.class, out("<iq xmlns='jabber:client' type='get' id='i'"
                + " from='juliet@capulet.com/chamber' to='romeo@montague.net/orchard'><ping xmlns='urn:xmpp:ping'/></iq>"));
        assertInstanceOf(Verdict.Drop.class, out("<message xmlns='jabber:client' type='error' id='e'"
                + " from='juliet@capulet.com/chamber' to='romeo@montague.net'/>"));
        assertInstanceOf(Verdict.Pass.class, out("<message xmlns='jabber:client' from='juliet@capulet.com/chamber'"
                + " to='nurse@capulet.com'><body>x</body></message>"));
    }

    @Test
    void blockingTakesPresenceBackAndUnblockingShowsItAgain() { // 3.3, 3.4
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Roster roster = Roster.EMPTY
                .apply(new SubscriptionChanged("romeo@montague.net", "both", false, false, false, t))
                .apply(new SubscriptionChanged("nurse@capulet.com", "from", false, false, false, t));
        Element available = XmlReader.parse("<presence xmlns='jabber:client' from='juliet@capulet.com/balcony'><show>chat</show></presence>");

        List<Element> onBlock = BlockingRules.presenceOnChange(Blocklist.EMPTY, ROMEO, roster, JULIET, List.of(available), Set.of());
        assertEquals(1, onBlock.size());
        assertEquals("unavailable", onBlock.get(0).attr("type"));
        assertEquals("romeo@montague.net", onBlock.get(0).attr("to"));
        assertEquals("juliet@capulet.com/balcony", onBlock.get(0).attr("from"));

        List<Element> onUnblock = BlockingRules.presenceOnChange(ROMEO, Blocklist.EMPTY, roster, JULIET, List.of(available), Set.of());
        assertEquals(2, onUnblock.size());
        assertEquals(available.withAttr("to", "romeo@montague.net"), onUnblock.get(0));
        assertEquals("probe", onUnblock.get(1).attr("type"));

        assertTrue(BlockingRules.presenceOnChange(Blocklist.EMPTY, ROMEO, roster, JULIET, List.of(), Set.of()).isEmpty());
        List<Element> directedOnly = BlockingRules.presenceOnChange(Blocklist.EMPTY, new Blocklist(List.of("tybalt@capulet.com")),
                roster, JULIET, List.of(available), Set.of("tybalt@capulet.com"));
        assertEquals("tybalt@capulet.com", directedOnly.get(0).attr("to"));
    }
}
