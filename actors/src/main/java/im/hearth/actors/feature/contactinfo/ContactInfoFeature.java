package im.hearth.actors.feature.contactinfo;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.dataforms.DataForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Contact addresses of the service (XEP-0157): the {@code http://jabber.org/network/serverinfo}
 * form in the server's disco#info (XEP-0128), one list-multi field per kind of address, from
 * {@code hearth.contact-info}. Nothing is advertised when no address is configured.
 */
public final class ContactInfoFeature implements Feature {
    public static final String FORM_TYPE = "http://jabber.org/network/serverinfo";

    private final List<DataForm> forms;

    /** @param addresses URIs by kind (abuse, admin, ...), as HearthSettings validated them */
    public ContactInfoFeature(Map<String, List<String>> addresses) {
        List<DataForm.Field> fields = new ArrayList<>();
        addresses.forEach((kind, uris) -> fields.add(new DataForm.Field(kind + "-addresses", "list-multi", uris)));
        this.forms = fields.isEmpty() ? List.of() : List.of(DataForm.result(FORM_TYPE, fields));
    }

    @Override
    public String name() {
        return "contact-info";
    }



    @Override
    public List<DataForm> discoExtensions() {
        return forms;
    }
}
