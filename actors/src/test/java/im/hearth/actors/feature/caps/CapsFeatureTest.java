package im.hearth.actors.feature.caps;

import static im.hearth.actors.feature.ServerIqs.result;
import static im.hearth.actors.feature.ServerIqs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.actors.feature.ServerIqs;
import im.hearth.protocol.feature.caps.Caps;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import org.junit.jupiter.api.Test;

/** The server's caps (XEP-0115 6.3): a stream feature whose ver is the hash of what disco#info answers. */
class CapsFeatureTest {

    private static Caps streamCaps(FeatureCatalogue c) {
        return Caps.parse(c.streamFeatures().stream().filter(e -> e.is("c", Caps.NAMESPACE)).findFirst().orElseThrow());
    }

    @Test
    void theStreamFeatureHashesTheServersOwnDiscoInfo() {
        FeatureCatalogue c = new FeatureCatalogue(settings("hearth.contact-info { abuse = [\"mailto:abuse@example.org\"] }"));
        DiscoInfo info = DiscoInfo.parse(result(c, Element.of("query", Namespaces.DISCO_INFO)));
        Caps caps = streamCaps(c);
        assertEquals("sha-1", caps.hash());
        assertEquals(CapsFeature.NODE, caps.node());
        assertEquals(Caps.ver(info), caps.ver());
        assertTrue(info.features().contains(Caps.NAMESPACE));
    }

    @Test
    void theCapsNodeIsAnsweredWithTheSameInfoAndOtherNodesAreNot() {
        FeatureCatalogue c = new FeatureCatalogue(settings(""));
        Caps caps = streamCaps(c);
        Element query = Element.builder("query", Namespaces.DISCO_INFO).attr("node", caps.node() + "#" + caps.ver()).build();
        DiscoInfo atNode = DiscoInfo.parse(result(c, query));
        assertEquals(caps.node() + "#" + caps.ver(), atNode.node());
        assertEquals(caps.ver(), Caps.ver(atNode));
        assertEquals(StanzaErrorCondition.ITEM_NOT_FOUND, ServerIqs.error(c,
                Element.builder("query", Namespaces.DISCO_INFO).attr("node", caps.node() + "#nope").build()));
    }

    @Test
    void disablingAFeatureChangesTheVer() {
        assertNotEquals(streamCaps(new FeatureCatalogue(settings(""))).ver(),
                streamCaps(new FeatureCatalogue(settings("hearth.modules.disabled = [time]"))).ver());
    }
}
