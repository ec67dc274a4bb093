package im.hearth.protocol.feature.privatexml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class PrivateQueryTest {

    @Test
    void bookmarksRoundTripThroughXml() {
        String xml = "<query xmlns='jabber:iq:private'><storage xmlns='storage:bookmarks'>"
                + "<conference name='Council' autojoin='true' jid='council@conference.example.net'>"
                + "<nick>alice</nick></conference></storage></query>";
        PrivateQuery q = PrivateQuery.parse(XmlReader.parse(xml));
        assertEquals(1, q.items().size());
        assertEquals("{storage:bookmarks}storage", PrivateQuery.key(q.items().get(0)));
        assertEquals(xml, XmlWriter.write(q.toElement()).replace('"', '\''));
        assertEquals(q, PrivateQuery.parse(XmlReader.parse(XmlWriter.write(q.toElement()))));
    }

    @Test
    void coreNamespacesAreReserved() {
        assertTrue(PrivateQuery.reserved("jabber:client"));
        assertTrue(PrivateQuery.reserved("jabber:server"));
        assertTrue(PrivateQuery.reserved("jabber:iq:private"));
        assertTrue(PrivateQuery.reserved(""));
        assertTrue(PrivateQuery.reserved("urn:ietf:params:xml:ns:xmpp-stanzas"));
        assertFalse(PrivateQuery.reserved("storage:bookmarks"));
        assertFalse(PrivateQuery.reserved("exodus:prefs"));
    }
}
