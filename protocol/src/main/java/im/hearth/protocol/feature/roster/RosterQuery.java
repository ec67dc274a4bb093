package im.hearth.protocol.feature.roster;

import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code <query xmlns='jabber:iq:roster'/>} payload of roster gets, results, sets and pushes. */
public record RosterQuery(String ver, List<RosterItem> items) {
    public static final String NAMESPACE = "jabber:iq:roster";
    /** Advertised as a stream feature when roster versioning is supported (XEP-0237 section 3). */
    public static final String VERSIONING_NAMESPACE = "urn:xmpp:features:rosterver";

    public RosterQuery {
        items = List.copyOf(items);
    }

    public Element toElement() {
        Element.Builder b = Element.builder("query", NAMESPACE).attr("ver", ver);
        for (RosterItem i : items) {
            b.child(i.toElement());
        }
        return b.build();
    }

    /** Decodes a query; empty if any item lacks a 'jid'. */
    public static Optional<RosterQuery> parse(Element query) {
        List<RosterItem> items = new ArrayList<>();
        for (Element e : query.children("item", NAMESPACE)) {
            Optional<RosterItem> item = RosterItem.parse(e);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            items.add(item.get());
        }
        return Optional.of(new RosterQuery(query.attr("ver"), items));
    }
}
