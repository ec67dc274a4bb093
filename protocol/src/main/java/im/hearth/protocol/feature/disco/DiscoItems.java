package im.hearth.protocol.feature.disco;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.List;

/** A disco#items answer (XEP-0030 section 4): the entities associated with an entity, such as its components. */
public record DiscoItems(String node, List<Item> items) {

    public record Item(String jid, String node, String name) {
    }

    public DiscoItems {
        items = List.copyOf(items);
    }

    public Element toElement() {
        Element.Builder b = Element.builder("query", Namespaces.DISCO_ITEMS).attr("node", node);
        for (Item i : items) {
            b.child(Element.builder("item", Namespaces.DISCO_ITEMS)
                    .attr("jid", i.jid()).attr("node", i.node()).attr("name", i.name()).build());
        }
        return b.build();
    }

    public static DiscoItems parse(Element query) {
        List<Item> items = new ArrayList<>();
        for (Element e : query.children("item", Namespaces.DISCO_ITEMS)) {
            items.add(new Item(e.attr("jid"), e.attr("node"), e.attr("name")));
        }
        return new DiscoItems(query.attr("node"), items);
    }
}
