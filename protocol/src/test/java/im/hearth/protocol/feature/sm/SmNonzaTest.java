package im.hearth.protocol.feature.sm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stream.XmlReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmNonzaTest {

    private static SmNonza decode(String xml) {
        return SmNonza.decode(XmlReader.parse(xml)).orElseThrow();
    }

    @Test
    void decodesWhatClientsSend() {
        assertEquals(new SmNonza.Enable(true, 300L), decode("<enable xmlns='urn:xmpp:sm:3' resume='true' max='300'/>"));
        assertEquals(new SmNonza.Enable(true, null), decode("<enable xmlns='urn:xmpp:sm:3' resume='1'/>"));
        assertEquals(new SmNonza.Enable(false, null), decode("<enable xmlns='urn:xmpp:sm:3'/>"));
        assertEquals(new SmNonza.Resume("abc.def", 4294967295L), decode("<resume xmlns='urn:xmpp:sm:3' previd='abc.def' h='4294967295'/>"));
        assertEquals(new SmNonza.Request(), decode("<r xmlns='urn:xmpp:sm:3'/>"));
        assertEquals(new SmNonza.Ack(0), decode("<a xmlns='urn:xmpp:sm:3' h='0'/>"));
    }

    @Test
    void rejectsCountsThatAreNotUnsigned32BitNumbers() {
        for (String h : new String[] {"", "-1", "4294967296", "12a", "+3", "99999999999"}) {
            assertInstanceOf(SmNonza.Malformed.class, decode("<a xmlns='urn:xmpp:sm:3' h='" + h + "'/>"), h);
        }
        assertInstanceOf(SmNonza.Malformed.class, decode("<a xmlns='urn:xmpp:sm:3'/>"));
        assertInstanceOf(SmNonza.Malformed.class, decode("<resume xmlns='urn:xmpp:sm:3' h='1'/>"));
        assertInstanceOf(SmNonza.Malformed.class, decode("<resume xmlns='urn:xmpp:sm:3' previd='x'/>"));
        assertInstanceOf(SmNonza.Malformed.class, decode("<enable xmlns='urn:xmpp:sm:3' max='soon'/>"));
        assertInstanceOf(SmNonza.Malformed.class, decode("<enabled xmlns='urn:xmpp:sm:3'/>"));
        assertEquals(Optional.empty(), SmNonza.decode(XmlReader.parse("<r xmlns='urn:xmpp:sm:2'/>")));
    }

    @Test
    void writesTheServersAnswers() {
        assertEquals("<enabled xmlns='urn:xmpp:sm:3' id='s.k' resume='true' max='60'/>", SmNonza.enabled("s.k", 60));
        assertEquals("<enabled xmlns='urn:xmpp:sm:3'/>", SmNonza.enabled(null, 0));
        assertEquals("<resumed xmlns='urn:xmpp:sm:3' previd='s.k' h='3'/>", SmNonza.resumed("s.k", 3));
        assertEquals("<failed xmlns='urn:xmpp:sm:3' h='2'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>",
                SmNonza.failed("item-not-found", 2L));
        assertEquals("<a xmlns='urn:xmpp:sm:3' h='7'/>", SmNonza.ack(7));
        assertEquals("<r xmlns='urn:xmpp:sm:3'/>", SmNonza.request());
    }

    @Test
    void theHandledCountTooHighConditionRidesInTheStreamError() {
        String xml = StreamError.withApplicationCondition(StreamErrorCondition.UNDEFINED_CONDITION, null,
                SmNonza.handledCountTooHigh(10, 8)).toXml();
        assertTrue(xml.contains("<undefined-condition xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<handled-count-too-high xmlns='urn:xmpp:sm:3' h='10' send-count='8'/>"), xml);
    }
}
