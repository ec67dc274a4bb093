package im.hearth.actors.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.config.HearthSettings;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;

/** Test helpers: settings from a HOCON snippet, IQs to the server and their answers through the catalogue. */
public final class ServerIqs {
    private ServerIqs() {
    }

    public static HearthSettings settings(String hocon) {
        return HearthSettings.fromConfig(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()));
    }

    public static Element get(Element payload) {
        return Element.builder("iq", Namespaces.CLIENT).attr("type", "get").attr("id", "q1")
                .attr("from", "alice@localhost/phone").attr("to", "localhost").child(payload).build();
    }

    /** The answer to a get with this payload; asserts it is a result and returns its payload (or null). */
    public static Element result(FeatureCatalogue catalogue, Element payload) {
        Element reply = catalogue.handleServerStanza(get(payload)).orElseThrow();
        assertEquals("result", Stanzas.type(reply), reply.toString());
        assertEquals("q1", Stanzas.id(reply));
        return reply.firstChild().orElse(null);
    }

    public static StanzaErrorCondition error(FeatureCatalogue catalogue, Element payload) {
        Element reply = catalogue.handleServerStanza(get(payload)).orElseThrow();
        assertEquals("error", Stanzas.type(reply), reply.toString());
        return StanzaError.parse(reply.child("error", Namespaces.CLIENT).orElseThrow()).orElseThrow().condition();
    }
}
