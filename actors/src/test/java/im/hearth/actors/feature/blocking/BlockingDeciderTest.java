package im.hearth.actors.feature.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountOutcome.Effect;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.persistence.event.user.blocking.BlocklistCleared;
import im.hearth.persistence.event.user.blocking.JidsBlocked;
import im.hearth.persistence.event.user.blocking.JidsUnblocked;
import im.hearth.protocol.feature.blocking.BlockingPayload;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocklist IQs of XEP-0191 section 3, with its examples. */
class BlockingDeciderTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final BareJid JULIET = BareJid.parse("juliet@capulet.com");

    private static AccountOutcome decide(Blocklist list, String from, String iqXml) {
        Element iq = XmlReader.parse(iqXml);
        return BlockingDecider.onIq(list, new AccountRequest(JULIET, Jid.parse(from), iq, iq.firstChild().orElseThrow(), T));
    }

    private static AccountOutcome own(Blocklist list, String iqXml) {
        return decide(list, "juliet@capulet.com/chamber", iqXml);
    }

    private static Element reply(AccountOutcome o) {
        return o.effects().stream().filter(e -> e instanceof Effect.Reply).map(e -> ((Effect.Reply) e).stanza())
                .findFirst().orElseThrow();
    }

    private static StanzaErrorCondition condition(AccountOutcome o) {
        Element r = reply(o);
        assertEquals("error", r.attr("type"));
        return StanzaError.parse(r.firstChild().orElseThrow()).orElseThrow().condition();
    }

    private static BlockingPayload push(AccountOutcome o) {
        Effect.ToInterestedSessions p = o.effects().stream().filter(e -> e instanceof Effect.ToInterestedSessions)
                .map(e -> (Effect.ToInterestedSessions) e).findFirst().orElseThrow();
        assertEquals(BlockingPayload.NAMESPACE, p.topic());
        assertEquals("set", p.stanza().attr("type"));
        return BlockingPayload.parse(p.stanza().firstChild().orElseThrow()).orElseThrow();
    }

    @Test
    void retrievesTheListAndMakesTheSessionInterested() { // examples 3 to 5
        AccountOutcome o = own(new Blocklist(List.of("romeo@montague.net", "iago@shakespeare.lit")),
                "<iq xmlns='jabber:client' type='get' id='blocklist1'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
        assertTrue(o.events().isEmpty());
        assertEquals("result", reply(o).attr("type"));
        assertEquals(BlockingPayload.blocklist(List.of("romeo@montague.net", "iago@shakespeare.lit")),
                BlockingPayload.parse(reply(o).firstChild().orElseThrow()).orElseThrow());
        assertTrue(o.effects().contains(new Effect.Interested(BlockingPayload.NAMESPACE)));

        Element empty = reply(own(Blocklist.EMPTY,
                "<iq xmlns='jabber:client' type='get' id='b2'><blocklist xmlns='urn:xmpp:blocking'/></iq>"));
        assertEquals(BlockingPayload.blocklist(List.of()), BlockingPayload.parse(empty.firstChild().orElseThrow()).orElseThrow());
    }

    @Test
    void blocksAndPushesThePreparedJids() { // examples 6 to 8
        AccountOutcome o = own(Blocklist.EMPTY, "<iq xmlns='jabber:client' type='set' id='block1'>"
                + "<block xmlns='urn:xmpp:blocking'><item jid='Romeo@Montague.net'/></block></iq>");
        assertEquals(List.of(new JidsBlocked(List.of("romeo@montague.net"), T)), o.events());
        assertEquals("result", reply(o).attr("type"));
        assertEquals(BlockingPayload.block(List.of("romeo@montague.net")), push(o));
    }

    @Test
    void blockingWhatIsAlreadyBlockedChangesNothing() {
        AccountOutcome o = own(new Blocklist(List.of("romeo@montague.net")), "<iq xmlns='jabber:client' type='set' id='b'>"
                + "<block xmlns='urn:xmpp:blocking'><item jid='romeo@montague.net'/></block></iq>");
        assertTrue(o.events().isEmpty());
        assertEquals("result", reply(o).attr("type"));
    }

    @Test
    void rejectsBlockWithoutItems() { // 3.3: bad-request
        assertEquals(StanzaErrorCondition.BAD_REQUEST, condition(own(Blocklist.EMPTY,
                "<iq xmlns='jabber:client' type='set' id='b'><block xmlns='urn:xmpp:blocking'/></iq>")));
    }

    @Test
    void rejectsMalformedJids() { // 3.3, 3.4: jid-malformed
        assertEquals(StanzaErrorCondition.JID_MALFORMED, condition(own(Blocklist.EMPTY,
                "<iq xmlns='jabber:client' type='set' id='b'><block xmlns='urn:xmpp:blocking'>"
                        + "<item jid='romeo@montague.net'/><item jid='@@'/></block></iq>")));
        assertEquals(StanzaErrorCondition.JID_MALFORMED, condition(own(Blocklist.EMPTY,
                "<iq xmlns='jabber:client' type='set' id='u'><unblock xmlns='urn:xmpp:blocking'>"
                        + "<item jid='a@b@c'/></unblock></iq>")));
    }

    @Test
    void rejectsAnItemWithoutJidAndTheWrongIqType() {
        assertEquals(StanzaErrorCondition.BAD_REQUEST, condition(own(Blocklist.EMPTY,
                "<iq xmlns='jabber:client' type='set' id='b'><block xmlns='urn:xmpp:blocking'><item/></block></iq>")));
        assertEquals(StanzaErrorCondition.BAD_REQUEST, condition(own(Blocklist.EMPTY,
                "<iq xmlns='jabber:client' type='set' id='b'><blocklist xmlns='urn:xmpp:blocking'/></iq>")));
        assertEquals(StanzaErrorCondition.BAD_REQUEST, condition(own(Blocklist.EMPTY,
                "<iq xmlns='jabber:client' type='get' id='b'><block xmlns='urn:xmpp:blocking'>"
                        + "<item jid='romeo@montague.net'/></block></iq>")));
    }

    @Test
    void unblocksOnlyWhatWasBlocked() { // examples 12 to 14
        Blocklist list = new Blocklist(List.of("romeo@montague.net", "iago@shakespeare.lit"));
        AccountOutcome o = own(list, "<iq xmlns='jabber:client' type='set' id='unblock1'><unblock xmlns='urn:xmpp:blocking'>"
                + "<item jid='romeo@montague.net'/><item jid='tybalt@capulet.com'/></unblock></iq>");
        assertEquals(List.of(new JidsUnblocked(List.of("romeo@montague.net"), T)), o.events());
        assertEquals(BlockingPayload.unblock(List.of("romeo@montague.net")), push(o));
    }

    @Test
    void unblocksAllWithAnEmptyUnblock() { // examples 16 to 18
        AccountOutcome o = own(new Blocklist(List.of("romeo@montague.net", "iago@shakespeare.lit")),
                "<iq xmlns='jabber:client' type='set' id='unblock2'><unblock xmlns='urn:xmpp:blocking'/></iq>");
        assertEquals(List.of(new BlocklistCleared(T)), o.events());
        assertEquals(BlockingPayload.unblock(List.of()), push(o));
        assertTrue(own(Blocklist.EMPTY, "<iq xmlns='jabber:client' type='set' id='u'><unblock xmlns='urn:xmpp:blocking'/></iq>")
                .events().isEmpty());
    }

    @Test
    void othersCannotReadOrChangeTheList() {
        AccountOutcome o = decide(new Blocklist(List.of("romeo@montague.net")), "romeo@montague.net/orchard",
                "<iq xmlns='jabber:client' type='get' id='x'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE, condition(o));
        assertInstanceOf(Effect.Reply.class, o.effects().get(0));
    }
}
