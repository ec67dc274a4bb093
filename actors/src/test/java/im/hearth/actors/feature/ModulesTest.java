package im.hearth.actors.feature;

import static im.hearth.actors.feature.ServerIqs.error;
import static im.hearth.actors.feature.ServerIqs.result;
import static im.hearth.actors.feature.ServerIqs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.version.SoftwareVersion;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import org.junit.jupiter.api.Test;

/** hearth.modules.disabled: a disabled feature is gone from disco and answers nothing; bad names stop the start. */
class ModulesTest {

    @Test
    void aDisabledFeatureIsNotAdvertisedAndItsRequestsGetServiceUnavailable() {
        FeatureCatalogue on = new FeatureCatalogue(settings(""));
        assertTrue(on.discoFeatures().contains(SoftwareVersion.NAMESPACE));
        FeatureCatalogue off = new FeatureCatalogue(settings("hearth.modules.disabled = [version, ping]"));
        assertFalse(off.enabled("version"));
        DiscoInfo info = DiscoInfo.parse(result(off, Element.of("query", Namespaces.DISCO_INFO)));
        assertFalse(info.features().contains(SoftwareVersion.NAMESPACE), info.features().toString());
        assertFalse(info.features().contains(Namespaces.PING));
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE, error(off, Element.of("query", SoftwareVersion.NAMESPACE)));
        assertEquals(StanzaErrorCondition.SERVICE_UNAVAILABLE, error(off, Element.of("ping", Namespaces.PING)));
    }

    @Test
    void anUnknownNameStopsTheStartAndNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureCatalogue(settings("hearth.modules.disabled = [verison]")));
        assertTrue(e.getMessage().contains("verison") && e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void requiredFeaturesCannotBeDisabled() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FeatureCatalogue(settings("hearth.modules.disabled = [disco]")));
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }
}
