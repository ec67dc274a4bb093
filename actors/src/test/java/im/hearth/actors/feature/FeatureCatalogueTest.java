package im.hearth.actors.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.config.HearthSettings;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.disco.DiscoItems;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server's own answers to stanzas addressed to a hosted domain, through the catalogue. */
class FeatureCatalogueTest {
    private final FeatureCatalogue catalogue =
            new FeatureCatalogue(HearthSettings.fromConfig(ConfigFactory.defaultReference()));

    private static Element iq(String type, Element... payloads) {
        Element.Builder b = Element.builder("iq", Namespaces.CLIENT).attr("type", type).attr("id", "q1")
                .attr("from", "alice@localhost/phone").attr("to", "localhost");
        for (Element p : payloads) {
            b.child(p);
        }
        return b.build();
    }

    private Element answer(Element stanza) {
        Element reply = catalogue.handleServerStanza(stanza).orElseThrow();
        assertEquals("q1", Stanzas.id(reply));
        assertEquals("localhost", Stanzas.from(reply));
        assertEquals("alice@localhost/phone", Stanzas.to(reply));
        return reply;
    }

    private static StanzaErrorCondition condition(Element reply) {
        assertEquals("error", Stanzas.type(reply));
        return StanzaError.parse(reply.child("error", Namespaces.CLIENT).orElseThrow()).orElseThrow().condition();
    }

    @Test
    void discoInfoListsTheServerIdentityAndEveryFeature() {
        Element reply = answer(iq("get", Element.of("query", Namespaces.DISCO_INFO)));
        assertEquals("result", Stanzas.type(reply));
        DiscoInfo info = DiscoInfo.parse(reply.child("query", Namespaces.DISCO_INFO).orElseThrow());
        assertTrue(info.identities().stream().anyMatch(i -> i.category().equals("server") && i.type().equals("im")),
                info.identities().toString());
        assertTrue(info.features().containsAll(List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, Namespaces.PING)),
                info.features().toString());
        assertEquals(catalogue.discoFeatures(), info.features());
        assertEquals(info.features().size(), info.features().stream().distinct().count());
    }

    @Test
    void everyFeatureOfTheCatalogueIsAdvertised() {
        for (Feature f : catalogue.features()) {
            assertTrue(catalogue.discoFeatures().containsAll(f.discoFeatures()), f.name());
        }
    }

    @Test
    void discoItemsAnswersAnEmptyList() {
        Element reply = answer(iq("get", Element.of("query", Namespaces.DISCO_ITEMS)));
        assertEquals("result", Stanzas.type(reply));
        assertTrue(DiscoItems.parse(reply.child("query", Namespaces.DISCO_ITEMS).orElseThrow()).items().isEmpty());
    }

    @Test
    void anUnknownNodeIsItemNotFound() {
        Element query = Element.builder("query", Namespaces.DISCO_INFO).attr("node", "nothing-here").build();
        assertEquals(StanzaErrorCondition.ITEM_NOT_FOUND, condition(answer(iq("get", query))));
        Element items = Element.builder("query", Namespaces.DISCO_ITEMS).attr("node", "nothing-here").build();
        assertEquals(StanzaErrorCondition.ITEM_NOT_FOUND, condition(answer(iq("get", items))));
    }

    @Test
    void pingIsAnsweredWithAnEmptyResult() {
        Element reply = answer(iq("get", Element.of("ping", Namespaces.PING)));
        assertEquals("result", Stanzas.type(reply));
        assertTrue(reply.elements().isEmpty());
    }

    @Test
    void anUnknownPayloadIsServiceUnavailable() {
        Element reply = answer(iq("get", Element.of("query", "urn:example:nothing")));
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE, condition(reply));
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE,
                condition(answer(iq("set", Element.of("query", "urn:example:unknown")))));
    }

    @Test
    void twoPayloadsAreABadRequest() {
        Element reply = answer(iq("get", Element.of("ping", Namespaces.PING), Element.of("query", Namespaces.DISCO_INFO)));
        assertEquals(StanzaErrorCondition.BAD_REQUEST, condition(reply));
    }

    @Test
    void noPayloadIsABadRequest() {
        assertEquals(StanzaErrorCondition.BAD_REQUEST, condition(answer(iq("get"))));
    }

    @Test
    void resultsAndErrorsGetNoReply() {
        assertEquals(Optional.empty(), catalogue.handleServerStanza(iq("result")));
        assertEquals(Optional.empty(), catalogue.handleServerStanza(iq("result", Element.of("ping", Namespaces.PING))));
        assertEquals(Optional.empty(), catalogue.handleServerStanza(iq("error", Element.of("query", "urn:example:x"))));
    }

    @Test
    void messagesAndPresenceToTheServerGetNoReply() {
        Element message = Element.builder("message", Namespaces.CLIENT).attr("to", "localhost")
                .attr("from", "alice@localhost/phone").textChild("body", Namespaces.CLIENT, "hello server").build();
        assertEquals(Optional.empty(), catalogue.handleServerStanza(message));
        Element presence = Element.builder("presence", Namespaces.CLIENT).attr("to", "localhost")
                .attr("from", "alice@localhost/phone").build();
        assertEquals(Optional.empty(), catalogue.handleServerStanza(presence));
    }
}
