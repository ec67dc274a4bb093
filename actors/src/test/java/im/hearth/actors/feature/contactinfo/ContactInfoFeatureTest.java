package im.hearth.actors.feature.contactinfo;

import static im.hearth.actors.feature.ServerIqs.result;
import static im.hearth.actors.feature.ServerIqs.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.FeatureCatalogue;
import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XEP-0157 contact addresses in the server's disco#info, only when configured. */
class ContactInfoFeatureTest {

    private static DiscoInfo disco(String hocon) {
        return DiscoInfo.parse(result(new FeatureCatalogue(settings(hocon)), Element.of("query", Namespaces.DISCO_INFO)));
    }

    @Test
    void configuredAddressesAreAServerinfoFormInDiscoInfo() {
        DiscoInfo info = disco("hearth.contact-info { abuse = [\"mailto:abuse@example.org\"],"
                + " admin = [\"xmpp:admin@example.org\", \"mailto:admin@example.org\"] }");
        assertEquals(1, info.extensions().size());
        DataForm form = info.extensions().get(0);
        assertEquals("result", form.type());
        assertEquals(ContactInfoFeature.FORM_TYPE, form.formType().orElseThrow());
        assertEquals(List.of("mailto:abuse@example.org"), form.field("abuse-addresses").orElseThrow().values());
        assertEquals(List.of("xmpp:admin@example.org", "mailto:admin@example.org"),
                form.field("admin-addresses").orElseThrow().values());
    }

    @Test
    void nothingIsAdvertisedWithoutAddresses() {
        assertTrue(disco("").extensions().isEmpty());
        assertTrue(disco("hearth.contact-info { abuse = [] }").extensions().isEmpty());
    }

    @Test
    void unknownKindsAndNonUrisAreRejectedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> settings("hearth.contact-info { complaints = [\"mailto:x@y\"] }"));
        assertThrows(IllegalArgumentException.class, () -> settings("hearth.contact-info { abuse = [\"abuse at example\"] }"));
    }
}
