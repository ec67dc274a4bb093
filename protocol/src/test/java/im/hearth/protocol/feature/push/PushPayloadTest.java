package im.hearth.protocol.feature.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushPayloadTest {
    private static final DataForm OPTIONS = DataForm.of("submit", List.of(
            new DataForm.Field(DataForm.FORM_TYPE, null, List.of(PushPayload.PUBLISH_OPTIONS)),
            new DataForm.Field("secret", null, List.of("eruio234vzxc2kla-91"))));

    private static String xml(Element e) {
        return XmlWriter.write(e).replace('"', '\'');
    }

    @Test
    void enableWithPublishOptionsRoundTrips() { // XEP-0357 example 5
        PushPayload.Enable enable = new PushPayload.Enable("push-5.client.example", "yxs32uqsflafdk3iuqo", Optional.of(OPTIONS));
        String x = xml(PushPayload.toElement(enable));
        assertEquals("<enable xmlns='urn:xmpp:push:0' jid='push-5.client.example' node='yxs32uqsflafdk3iuqo'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'>"
                + "<value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + "<field var='secret'><value>eruio234vzxc2kla-91</value></field></x></enable>", x);
        assertEquals(enable, PushPayload.parse(XmlReader.parse(x)).orElseThrow());
    }

    @Test
    void disableWithAndWithoutNodeRoundTrips() { // examples 7 and 8
        for (PushPayload.Disable d : List.of(new PushPayload.Disable("push-5.client.example", "yxs32uqsflafdk3iuqo"),
                new PushPayload.Disable("push-5.client.example", null))) {
            assertEquals(d, PushPayload.parse(XmlReader.parse(xml(PushPayload.toElement(d)))).orElseThrow());
        }
    }

    @Test
    void incompleteRequestsDoNotParse() {
        for (String bad : List.of("<enable xmlns='urn:xmpp:push:0' jid='a.example'/>",
                "<enable xmlns='urn:xmpp:push:0' node='n'/>",
                "<enable xmlns='urn:xmpp:push:0' jid=' ' node='n'/>",
                "<disable xmlns='urn:xmpp:push:0' node='n'/>",
                "<enable xmlns='urn:xmpp:push:0' jid='a.example' node='n'><x xmlns='jabber:x:data' type='submit'>"
                        + "<field var='FORM_TYPE'><value>urn:example:other</value></field></x></enable>",
                "<enable xmlns='urn:xmpp:push:1' jid='a.example' node='n'/>")) {
            assertEquals(Optional.empty(), PushPayload.parse(XmlReader.parse(bad)), bad);
        }
    }

    @Test
    void aNotificationCarriesTheSummaryAndThePublishOptions() { // example 9
        Element iq = PushPayload.notification("user@example.com", "push-5.client.example", "n12", "yxs32uqsflafdk3iuqo",
                new PushPayload.Summary(1, "juliet@capulet.example/balcony", "Wherefore art thou, Romeo?"),
                Optional.of(OPTIONS));
        Element back = XmlReader.parse(XmlWriter.write(iq));
        assertEquals(new PushPayload.Summary(1, "juliet@capulet.example/balcony", "Wherefore art thou, Romeo?"),
                PushPayload.summaryOf(back).orElseThrow());
        Element pubsub = back.child("pubsub", PushPayload.PUBSUB).orElseThrow();
        assertEquals("yxs32uqsflafdk3iuqo", pubsub.child("publish", PushPayload.PUBSUB).orElseThrow().attr("node"));
        Element options = pubsub.child("publish-options", PushPayload.PUBSUB).orElseThrow()
                .child("x", DataForm.NAMESPACE).orElseThrow();
        assertEquals(OPTIONS, DataForm.parse(options).orElseThrow());
        assertEquals("set", back.attr("type"));
        assertEquals("user@example.com", back.attr("from"));
    }

    @Test
    void aNotificationWithoutSenderOrBodyHasOnlyTheCount() {
        Element iq = PushPayload.notification("user@example.com", "push.example", "n1", "node",
                new PushPayload.Summary(3, null, null), Optional.empty());
        String x = xml(iq);
        assertEquals(new PushPayload.Summary(3, null, null), PushPayload.summaryOf(iq).orElseThrow());
        assertEquals(-1, x.indexOf("last-message"), x);
        assertEquals(-1, x.indexOf("publish-options"), x);
    }
}
