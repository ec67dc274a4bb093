package im.hearth.protocol.feature.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class ResultSetTest {

    private static void roundTrips(ResultSet s, String expected) {
        String xml = XmlWriter.write(s.toElement()).replace('"', '\'');
        assertEquals(expected, xml);
        assertEquals(s, ResultSet.parse(XmlReader.parse(xml)).orElseThrow());
    }

    @Test
    void pageForwardRequestRoundTrips() { // XEP-0059 example 5
        roundTrips(ResultSet.request(10, "peterpan@neverland.lit", null),
                "<set xmlns='http://jabber.org/protocol/rsm'><max>10</max><after>peterpan@neverland.lit</after></set>");
    }

    @Test
    void emptyBeforeAsksForTheLastPage() { // XEP-0059 section 2.5
        ResultSet s = ResultSet.parse(XmlReader.parse(
                "<set xmlns='http://jabber.org/protocol/rsm'><max>10</max><before/></set>")).orElseThrow();
        assertTrue(s.backwards());
        assertEquals("", s.before());
        roundTrips(s, "<set xmlns='http://jabber.org/protocol/rsm'><max>10</max><before/></set>");
    }

    @Test
    void answerRoundTrips() { // XEP-0059 example 4
        roundTrips(ResultSet.answer("stpeter@jabber.org", "peterpan@neverland.lit", 800),
                "<set xmlns='http://jabber.org/protocol/rsm'><first>stpeter@jabber.org</first>"
                        + "<last>peterpan@neverland.lit</last><count>800</count></set>");
    }

    @Test
    void hugeMaxIsReadAsLargestNumberNotRefused() {
        ResultSet s = ResultSet.parse(XmlReader.parse(
                "<set xmlns='http://jabber.org/protocol/rsm'><max>99999999999999999999</max></set>")).orElseThrow();
        assertEquals(Integer.MAX_VALUE, s.max());
    }

    @Test
    void rejectsNegativeOrNonNumericMax() {
        assertFalse(ResultSet.parse(XmlReader.parse(
                "<set xmlns='http://jabber.org/protocol/rsm'><max>-1</max></set>")).isPresent());
        assertFalse(ResultSet.parse(XmlReader.parse(
                "<set xmlns='http://jabber.org/protocol/rsm'><max>ten</max></set>")).isPresent());
        assertFalse(ResultSet.parse(XmlReader.parse("<set xmlns='urn:other'/>")).isPresent());
    }
}
