package im.hearth.protocol.feature.disco;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.List;

/** A disco#info answer (XEP-0030 section 3.1): who an entity is and which features it supports. */
public record DiscoInfo(String node, List<Identity> identities, List<String> features) {

    /** An identity (XEP-0030 section 3.1; categories and types from the XMPP registrar). */
    public record Identity(String category, String type, String name) {
    }

    public DiscoInfo {
        identities = List.copyOf(identities);
        features = List.copyOf(features);
    }

    public Element toElement() {
        Element.Builder b = Element.builder("query", Namespaces.DISCO_INFO).attr("node", node);
        for (Identity i : identities) {
            b.child(Element.builder("identity", Namespaces.DISCO_INFO)
                    .attr("category", i.category()).attr("type", i.type()).attr("name", i.name()).build());
        }
        for (String f : features) {
            b.child(Element.builder("feature", Namespaces.DISCO_INFO).attr("var", f).build());
        }
        return b.build();
    }

    public static DiscoInfo parse(Element query) {
        List<Identity> ids = new ArrayList<>();
        for (Element e : query.children("identity", Namespaces.DISCO_INFO)) {
            ids.add(new Identity(e.attr("category"), e.attr("type"), e.attr("name")));
        }
        List<String> features = new ArrayList<>();
        for (Element e : query.children("feature", Namespaces.DISCO_INFO)) {
            features.add(e.attr("var"));
        }
        return new DiscoInfo(query.attr("node"), ids, features);
    }
}
