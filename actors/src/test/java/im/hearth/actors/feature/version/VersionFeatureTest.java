package im.hearth.actors.feature.version;

import static im.hearth.actors.feature.ServerIqs.result;
import static im.hearth.actors.feature.ServerIqs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.actors.feature.ServerIqs;
import im.hearth.protocol.feature.version.SoftwareVersion;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.Element;
import org.junit.jupiter.api.Test;

class VersionFeatureTest {

    @Test
    void answersNameAndVersionWithoutTheOsByDefault() {
        SoftwareVersion v = SoftwareVersion.parse(result(new FeatureCatalogue(settings("")),
                Element.of("query", SoftwareVersion.NAMESPACE))).orElseThrow();
        assertEquals("Hearth", v.name());
        assertFalse(v.version().isBlank());
        assertNull(v.os());
    }

    @Test
    void namesTheOsWhenConfigured() {
        SoftwareVersion v = SoftwareVersion.parse(result(new FeatureCatalogue(settings("hearth.version.show-os = on")),
                Element.of("query", SoftwareVersion.NAMESPACE))).orElseThrow();
        assertNotNull(v.os());
    }

    @Test
    void aSetIsABadRequest() {
        Element set = ServerIqs.get(Element.of("query", SoftwareVersion.NAMESPACE)).withAttr("type", "set");
        Element reply = new FeatureCatalogue(settings("")).handleServerStanza(set).orElseThrow();
        assertEquals(StanzaErrorCondition.BAD_REQUEST,
                StanzaError.parse(reply.child("error", Namespaces.CLIENT).orElseThrow()).orElseThrow().condition());
    }
}
