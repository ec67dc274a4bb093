package im.hearth.protocol.feature.disco;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.List;

/**
 * A disco#info answer (XEP-0030 section 3.1): who an entity is and which features it supports,
 * with any extended information as data forms (XEP-0128).
 */
public record DiscoInfo(String node, List<Identity> identities, List<String> features, List<DataForm> extensions) {

    /** An identity (XEP-0030 section 3.1; categories and types from the XMPP registrar); lang may be null. */
    public record Identity(String category, String type, String name, String lang) {
        public Identity(String category, String type, String name) {
            this(category, type, name, null);
        }
    }

    public DiscoInfo {
        identities = List.copyOf(identities);
        features = List.copyOf(features);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    public DiscoInfo(String node, List<Identity> identities, List<String> features) {
        this(node, identities, features, List.of());
    }

    public Element toElement() {
        Element.Builder b = Element.builder("query", Namespaces.DISCO_INFO).attr("node", node);
        for (Identity i : identities) {
            b.child(Element.builder("identity", Namespaces.DISCO_INFO)
                    .attr("category", i.category()).attr("type", i.type()).attr("name", i.name())
                    .attr("xml:lang", i.lang()).build());
        }
        for (String f : features) {
            b.child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", f).build());
        }
        for (DataForm x : extensions) {
            b.child(x.toElement());
        }
        return b.build();
    }

    public static DiscoInfo parse(Element query) {
        List<Identity> ids = new ArrayList<>();
        for (Element e : query.children("identity", Namespaces.DISCO_INFO)) {
            ids.add(new Identity(e.attr("category"), e.attr("type"), e.attr("name"), e.attr("xml:lang")));
        }
        List<String> features = new ArrayList<>();
        for (Element e : query.children("feature", Namespaces.DISCO_INFO)) {
            features.add(e.attr("var"));
        }
        List<DataForm> forms = new ArrayList<>();
        for (Element e : query.children("x", DataForm.NAMESPACE)) {
            DataForm.parse(e).ifPresent(forms::add);
        }
        return new DiscoInfo(query.attr("node"), ids, features, forms);
    }
}
