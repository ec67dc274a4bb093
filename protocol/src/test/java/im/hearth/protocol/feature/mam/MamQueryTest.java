package im.hearth.protocol.feature.mam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import im.hearth.protocol.feature.rsm.ResultSet;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MamQueryTest {
    private static final String FORM = "<query xmlns='urn:xmpp:mam:2' queryid='f27'><x xmlns='jabber:x:data' type='submit'>"
            + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:mam:2</value></field>";

    private static MamQuery.Decoded parse(String xml) {
        return MamQuery.parse(XmlReader.parse(xml));
    }

    private static MamQuery query(String xml) {
        return assertInstanceOf(MamQuery.Decoded.Query.class, parse(xml)).query();
    }

    private static void malformed(String fields) {
        assertInstanceOf(MamQuery.Decoded.Malformed.class, parse(FORM + fields + "</x></query>"));
    }

    @Test
    void queryWithEveryFieldRoundTrips() { // XEP-0313 examples 6, 8 and the #extended fields
        MamQuery q = new MamQuery("f27", Jid.parse("juliet@capulet.lit"), Instant.parse("2010-06-07T00:00:00Z"),
                Instant.parse("2010-07-07T13:23:54Z"), "b1", "a1", List.of("i1", "i2"),
                ResultSet.request(10, null, ""), true);
        String xml = XmlWriter.write(q.toElement());
        assertEquals(q, query(xml));
    }

    @Test
    void bareQueryHasNoFilters() { // example 2
        MamQuery q = query("<query xmlns='urn:xmpp:mam:2' queryid='f27'/>");
        assertEquals("f27", q.queryId());
        assertEquals(null, q.with());
        assertEquals(null, q.set());
    }

    @Test
    void readsDatesWithOffsetsAndFractions() { // XEP-0082
        MamQuery q = query(FORM + "<field var='start'><value>2010-08-07T02:00:00.5+02:00</value></field></x></query>");
        assertEquals(Instant.parse("2010-08-07T00:00:00.5Z"), q.start());
    }

    @Test
    void rejectsMalformedFields() {
        malformed("<field var='start'><value>yesterday</value></field>");
        malformed("<field var='end'><value>2010-13-45T00:00:00Z</value></field>");
        malformed("<field var='with'><value>@@nobody</value></field>");
        malformed("<field var='after-id'><value></value></field>");
        malformed("<field var='colour'><value>red</value></field>");
        assertInstanceOf(MamQuery.Decoded.Malformed.class, parse("<query xmlns='urn:xmpp:mam:2'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'><value>urn:other</value>"
                + "</field></x></query>"));
        assertInstanceOf(MamQuery.Decoded.Malformed.class, parse("<query xmlns='urn:xmpp:mam:2'>"
                + "<set xmlns='http://jabber.org/protocol/rsm'><max>lots</max></set></query>"));
    }

    @Test
    void formTemplateOffersTheExtendedFields() { // section 4.1.5
        String xml = XmlWriter.write(MamQuery.formTemplate());
        for (String var : List.of("with", "start", "end", "before-id", "after-id", "ids")) {
            assertEquals(true, xml.contains("var=\"" + var + "\"") || xml.contains("var='" + var + "'"), var);
        }
    }
}
