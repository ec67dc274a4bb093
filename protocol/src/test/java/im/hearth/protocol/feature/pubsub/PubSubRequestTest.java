package im.hearth.protocol.feature.pubsub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The XEP-0060 subset read from IQ payloads, and the elements a PEP service writes. */
class PubSubRequestTest {

    private static PubSubRequest parse(String xml, boolean set) {
        return PubSubRequest.parse(XmlReader.parse(xml), set);
    }

    @Test
    void readsAPublishWithItsPayloadAndPublishOptions() {
        PubSubRequest r = parse("<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='urn:xmpp:nick'>"
                + "<item id='a'><nick xmlns='http://jabber.org/protocol/nick'>Al</nick></item></publish>"
                + "<publish-options><x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                + "<value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + "<field var='pubsub#access_model'><value>open</value></field></x></publish-options></pubsub>", true);
        PubSubRequest.Publish p = assertInstanceOf(PubSubRequest.Publish.class, r);
        assertEquals("urn:xmpp:nick", p.node());
        assertEquals("a", p.itemId());
        assertEquals("<nick xmlns='http://jabber.org/protocol/nick'>Al</nick>", XmlWriter.write(p.payload()));
        assertEquals("open", p.options().orElseThrow().field("pubsub#access_model").orElseThrow().value().orElseThrow());
    }

    @Test
    void readsRetractItemsAndTheOwnersRequests() {
        PubSubRequest.Retract r = assertInstanceOf(PubSubRequest.Retract.class, parse("<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                + "<retract node='n' notify='1'><item id='a'/><item id='b'/></retract></pubsub>", true));
        assertEquals(List.of("a", "b"), r.itemIds());
        assertEquals(true, r.notifyRetract());
        PubSubRequest.Items i = assertInstanceOf(PubSubRequest.Items.class,
                parse("<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='n' max_items='2'/></pubsub>", false));
        assertEquals(2, i.maxItems());
        assertEquals(new PubSubRequest.Delete("n"),
                parse("<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><delete node='n'/></pubsub>", true));
        PubSubRequest.Configure c = assertInstanceOf(PubSubRequest.Configure.class,
                parse("<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure node='n'/></pubsub>", false));
        assertNull(c.form());
    }

    @Test
    void malformedAndUnsupportedRequestsSayWhy() {
        assertEquals("item-required", assertInstanceOf(PubSubRequest.Malformed.class, parse(
                "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='n'/></pubsub>", true)).condition());
        assertInstanceOf(PubSubRequest.Malformed.class,
                parse("<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='n'/></pubsub>", true));
        assertInstanceOf(PubSubRequest.Malformed.class, parse("<pubsub xmlns='http://jabber.org/protocol/pubsub'/>", false));
        assertEquals(new PubSubRequest.Unsupported("subscribe"),
                parse("<pubsub xmlns='http://jabber.org/protocol/pubsub'><subscribe node='n' jid='a@b'/></pubsub>", true));
    }

    @Test
    void writesEventsAndErrorsWithTheirPubsubCondition() {
        assertEquals("<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='n'><item id='a'>"
                        + "<x xmlns='y'/></item></items></event>",
                XmlWriter.write(PubSub.itemsEvent("n", List.of(new PubSub.Item("a", Element.of("x", "y"))))));
        assertEquals("<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='n'><retract id='a'/></items></event>",
                XmlWriter.write(PubSub.retractEvent("n", List.of("a"))));
        Element iq = XmlReader.parse("<iq xmlns='jabber:client' from='a@b/c' to='a@b' id='1' type='set'/>");
        assertEquals("<iq xmlns='jabber:client' from='a@b' to='a@b/c' id='1' type='error'><error type='modify'>"
                        + "<not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                        + "<payload-too-big xmlns='http://jabber.org/protocol/pubsub#errors'/></error></iq>",
                XmlWriter.write(PubSub.error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "payload-too-big", null, null)));
    }
}
