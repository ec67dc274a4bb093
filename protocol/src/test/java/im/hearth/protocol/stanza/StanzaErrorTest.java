package im.hearth.protocol.stanza;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StanzaErrorTest {

    @Test
    void writesTypeConditionAndTextInTheStanzaNamespace() {
        assertEquals("<error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>",
                XmlWriter.write(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE).toElement(Namespaces.CLIENT),
                        Namespaces.CLIENT));
        assertEquals("<error xmlns='jabber:server' type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>no &amp; way</text></error>",
                XmlWriter.write(StanzaError.of(StanzaErrorCondition.BAD_REQUEST, "no & way").toElement(Namespaces.SERVER)));
    }

    @Test
    void defaultTypesFollowTheRfcExamples() {
        Map<StanzaErrorCondition, StanzaErrorType> expected = Map.ofEntries(
                Map.entry(StanzaErrorCondition.BAD_REQUEST, StanzaErrorType.MODIFY),
                Map.entry(StanzaErrorCondition.CONFLICT, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.FORBIDDEN, StanzaErrorType.AUTH),
                Map.entry(StanzaErrorCondition.GONE, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.INTERNAL_SERVER_ERROR, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.ITEM_NOT_FOUND, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.JID_MALFORMED, StanzaErrorType.MODIFY),
                Map.entry(StanzaErrorCondition.NOT_ACCEPTABLE, StanzaErrorType.MODIFY),
                Map.entry(StanzaErrorCondition.NOT_ALLOWED, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.NOT_AUTHORIZED, StanzaErrorType.AUTH),
                Map.entry(StanzaErrorCondition.POLICY_VIOLATION, StanzaErrorType.MODIFY),
                Map.entry(StanzaErrorCondition.RECIPIENT_UNAVAILABLE, StanzaErrorType.WAIT),
                Map.entry(StanzaErrorCondition.REDIRECT, StanzaErrorType.MODIFY),
                Map.entry(StanzaErrorCondition.REGISTRATION_REQUIRED, StanzaErrorType.AUTH),
                Map.entry(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT, StanzaErrorType.WAIT),
                Map.entry(StanzaErrorCondition.RESOURCE_CONSTRAINT, StanzaErrorType.WAIT),
                Map.entry(StanzaErrorCondition.SERVICE_UNAVAILABLE, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.SUBSCRIPTION_REQUIRED, StanzaErrorType.AUTH),
                Map.entry(StanzaErrorCondition.UNDEFINED_CONDITION, StanzaErrorType.CANCEL),
                Map.entry(StanzaErrorCondition.UNEXPECTED_REQUEST, StanzaErrorType.WAIT));
        assertEquals(expected.size(), StanzaErrorCondition.values().length);
        for (StanzaErrorCondition c : StanzaErrorCondition.values()) {
            assertEquals(expected.get(c), c.defaultType(), c.elementName());
            assertEquals(c.name().toLowerCase().replace('_', '-'), c.elementName());
        }
    }

    @Test
    void parsesWhatItWritesForEveryCondition() {
        for (StanzaErrorCondition c : StanzaErrorCondition.values()) {
            StanzaError error = new StanzaError(StanzaErrorType.WAIT, c, "because " + c);
            assertEquals(Optional.of(error), StanzaError.parse(error.toElement(Namespaces.CLIENT)));
        }
    }

    @Test
    void parseFallsBackToTheDefaultTypeAndRejectsUnknownConditions() {
        Element noType = Element.builder("error", Namespaces.CLIENT)
                .child(Element.of("item-not-found", Namespaces.STANZA_ERRORS)).build();
        assertEquals(Optional.of(StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND)), StanzaError.parse(noType));

        Element unknown = Element.builder("error", Namespaces.CLIENT).attr("type", "cancel")
                .child(Element.of("made-up", Namespaces.STANZA_ERRORS)).build();
        assertTrue(StanzaError.parse(unknown).isEmpty());
        assertTrue(StanzaError.parse(Element.of("message", Namespaces.CLIENT)).isEmpty());
    }
}
