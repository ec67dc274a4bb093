package im.hearth.protocol.feature.roster;

import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One roster item (RFC 6121 2.1.2). {@code subscription} is none, to, from, both, or remove (in a
 * set or push); {@code askSubscribe} is the ask='subscribe' flag of a pending outbound request.
 * A server ignores 'subscription' (other than remove) and 'ask' in a client's roster set.
 */
public record RosterItem(String jid, String name, List<String> groups, String subscription, boolean askSubscribe) {

    public RosterItem {
        groups = List.copyOf(groups);
    }

    public boolean isRemove() {
        return "remove".equals(subscription);
    }

    public Element toElement() {
        Element.Builder b = Element.builder("item", RosterQuery.NAMESPACE)
                .attr("jid", jid)
                .attr("name", name)
                .attr("subscription", subscription);
        if (askSubscribe) {
            b.attr("ask", "subscribe");
        }
        for (String g : groups) {
            b.textChild("group", RosterQuery.NAMESPACE, g);
        }
        return b.build();
    }

    /** Decodes an item; empty when it has no 'jid' (the caller answers bad-request). */
    public static Optional<RosterItem> parse(Element item) {
        String jid = item.attr("jid");
        if (jid == null) {
            return Optional.empty();
        }
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        for (Element g : item.children("group", RosterQuery.NAMESPACE)) {
            groups.add(g.text());
        }
        String name = item.attr("name");
        return Optional.of(new RosterItem(jid, name, new ArrayList<>(groups), item.attr("subscription"),
                "subscribe".equals(item.attr("ask"))));
    }
}
