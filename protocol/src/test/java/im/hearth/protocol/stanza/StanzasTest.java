package im.hearth.protocol.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import org.junit.jupiter.api.Test;

class StanzasTest {

    private static final Element MESSAGE = Element.builder("message", Namespaces.CLIENT)
            .attr("from", "juliet@example.com/balcony")
            .attr("to", "romeo@example.net")
            .attr("id", "m1")
            .attr("type", "chat")
            .textChild("body", Namespaces.CLIENT, "Wherefore art thou?")
            .build();

    @Test
    void recognisesStanzasInClientAndServerNamespacesOnly() {
        assertEquals(StanzaKind.MESSAGE, Stanzas.kind(MESSAGE));
        assertEquals(StanzaKind.PRESENCE, Stanzas.kind(Element.of("presence", Namespaces.SERVER)));
        assertEquals(StanzaKind.IQ, Stanzas.kind(Element.of("iq", Namespaces.CLIENT)));
        assertNull(Stanzas.kind(Element.of("message", "urn:other")));
        assertNull(Stanzas.kind(Element.of("r", "urn:xmpp:sm:3")));
        assertTrue(Stanzas.isStanza(MESSAGE));
        assertFalse(Stanzas.isStanza(Element.of("auth", Namespaces.SASL)));
    }

    @Test
    void readsTheRawAddressingAttributes() {
        assertEquals("juliet@example.com/balcony", Stanzas.from(MESSAGE));
        assertEquals("romeo@example.net", Stanzas.to(MESSAGE));
        assertEquals("m1", Stanzas.id(MESSAGE));
        assertEquals("chat", Stanzas.type(MESSAGE));
        assertNull(Stanzas.type(Element.of("presence", Namespaces.CLIENT)));
    }

    @Test
    void errorReplySwapsAddressesKeepsIdAndCarriesOnlyTheError() {
        Element reply = Stanzas.errorReply(MESSAGE, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        assertEquals("<message from='romeo@example.net' to='juliet@example.com/balcony' id='m1' type='error'>"
                + "<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
                + "</message>", XmlWriter.write(reply, Namespaces.CLIENT));
    }

    @Test
    void errorReplyStaysInTheStanzasNamespaceAndOmitsAbsentAddresses() {
        Element iq = Element.builder("iq", Namespaces.SERVER).attr("id", "q").attr("type", "get")
                .child(Element.of("query", Namespaces.DISCO_INFO)).build();
        Element reply = Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED));
        assertEquals("<iq xmlns='jabber:server' id='q' type='error'><error type='cancel'>"
                + "<feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>", XmlWriter.write(reply));
    }

    @Test
    void refusesToAnswerAnErrorWithAnError() {
        Element error = MESSAGE.withAttr("type", "error");
        assertThrows(IllegalArgumentException.class,
                () -> Stanzas.errorReply(error, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
    }

    @Test
    void iqResultSwapsAddressesAndCarriesThePayload() {
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("from", "a@x/r").attr("to", "x").attr("id", "7")
                .attr("type", "get").child(Element.of("ping", Namespaces.PING)).build();
        assertEquals("<iq from='x' to='a@x/r' id='7' type='result'/>", XmlWriter.write(Stanzas.iqResult(iq, null), Namespaces.CLIENT));
        assertEquals("<iq from='x' to='a@x/r' id='7' type='result'><query xmlns='jabber:iq:version'/></iq>",
                XmlWriter.write(Stanzas.iqResult(iq, Element.of("query", "jabber:iq:version")), Namespaces.CLIENT));
    }

    @Test
    void withFromToReplacesOrRemovesAddressesAndKeepsTheRest() {
        Element stamped = Stanzas.withFromTo(MESSAGE, "juliet@example.com/phone", null);
        assertEquals("juliet@example.com/phone", Stanzas.from(stamped));
        assertNull(Stanzas.to(stamped));
        assertEquals("m1", Stanzas.id(stamped));
        assertEquals(MESSAGE.children(), stamped.children());
    }
}
