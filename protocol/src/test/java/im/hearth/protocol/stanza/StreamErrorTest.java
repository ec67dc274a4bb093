package im.hearth.protocol.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import org.junit.jupiter.api.Test;

class StreamErrorTest {

    @Test
    void writesTheConditionInsideStreamErrorWithTheStreamPrefix() {
        assertEquals("<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>",
                StreamError.of(StreamErrorCondition.NOT_WELL_FORMED).toXml());
    }

    @Test
    void writesTheOptionalTextEscaped() {
        assertEquals("<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>too big &lt;3</text></stream:error>",
                new StreamError(StreamErrorCondition.POLICY_VIOLATION, "too big <3").toXml());
    }

    @Test
    void buildsTheErrorElementInTheStreamNamespace() {
        Element e = StreamError.of(StreamErrorCondition.HOST_UNKNOWN).toElement();
        assertEquals(Element.builder("error", Namespaces.STREAM)
                .child(Element.of("host-unknown", Namespaces.STREAM_ERRORS)).build(), e);
    }

    @Test
    void hasEveryConditionOfRfc6120WithItsElementName() {
        assertEquals(25, StreamErrorCondition.values().length);
        for (StreamErrorCondition c : StreamErrorCondition.values()) {
            assertEquals(c.name().toLowerCase().replace('_', '-'), c.elementName());
            assertEquals(c, StreamErrorCondition.fromElementName(c.elementName()).orElseThrow());
        }
    }

    @Test
    void exceptionCarriesTheError() {
        StreamErrorException e = new StreamErrorException(StreamErrorCondition.CONFLICT, "replaced");
        assertEquals(new StreamError(StreamErrorCondition.CONFLICT, "replaced"), e.error());
        assertEquals("conflict: replaced", e.getMessage());
    }
}
