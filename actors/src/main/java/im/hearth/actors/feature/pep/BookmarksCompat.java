package im.hearth.actors.feature.pep;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountOutcome.Effect;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.pep.PepItemPublished;
import im.hearth.persistence.event.user.pep.PepItemRetracted;
import im.hearth.persistence.event.user.pep.PepNodeConfigured;
import im.hearth.protocol.feature.pubsub.PubSub;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The XEP-0048 view of PEP-native bookmarks (XEP-0402 section 5.3, as Prosody's mod_bookmarks
 * does it): {@code <storage xmlns='storage:bookmarks'/>} in private XML (XEP-0049) is read from the
 * {@code urn:xmpp:bookmarks:1} node (conferences; any {@code <url/>} kept from the stored
 * element), and a stored one is written to that node too, so old and new clients see one list.
 */
public final class BookmarksCompat {
    public static final String NODE = "urn:xmpp:bookmarks:1";
    public static final String LEGACY = "storage:bookmarks";

    private BookmarksCompat() {
    }

    /** The storage element a XEP-0048 client reads, when the XEP-0402 node exists. */
    public static Optional<Element> storage(Pep pep, Optional<String> storedXml) {
        Optional<Pep.PepNode> node = pep.node(NODE);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Element.Builder storage = Element.builder("storage", LEGACY);
        for (Pep.StoredItem item : node.get().items()) {
            Element c = XmlReader.parse(item.payloadXml());
            Element.Builder b = Element.builder("conference", LEGACY).attr("jid", item.id())
                    .attr("name", c.attr("name")).attr("autojoin", c.attr("autojoin"));
            c.childText("nick", NODE).ifPresent(n -> b.textChild("nick", LEGACY, n));
            c.childText("password", NODE).ifPresent(p -> b.textChild("password", LEGACY, p));
            storage.child(b.build());
        }
        storedXml.map(XmlReader::parse).ifPresent(old -> old.children("url", LEGACY).forEach(storage::child));
        return Optional.of(storage.build());
    }

    /**
     * The PEP events and notifications that make the XEP-0402 node hold the conferences of a
     * stored XEP-0048 element; empty when there are more than {@code settings.maxItems()}.
     */
    public static Optional<AccountOutcome> sync(Pep pep, Element storage, Instant now, PepSettings settings) {
        Map<String, Element> wanted = new LinkedHashMap<>();
        for (Element c : storage.children("conference", LEGACY)) {
            String jid = c.attr("jid");
            if (jid == null || jid.isEmpty()) {
                continue;
            }
            Element.Builder b = Element.builder("conference", NODE).attr("name", c.attr("name"))
                    .attr("autojoin", "1".equals(c.attr("autojoin")) || "true".equals(c.attr("autojoin")) ? "true" : "false");
            c.childText("nick", LEGACY).ifPresent(n -> b.textChild("nick", NODE, n));
            c.childText("password", LEGACY).ifPresent(p -> b.textChild("password", NODE, p));
            wanted.put(jid, b.build());
        }
        if (wanted.size() > settings.maxItems()) {
            return Optional.empty();
        }
        List<UserEvent> events = new ArrayList<>();
        List<Effect> effects = new ArrayList<>();
        Optional<Pep.PepNode> node = pep.node(NODE);
        Map<String, String> existing = new LinkedHashMap<>();
        node.ifPresent(n -> n.items().forEach(i -> existing.put(i.id(), i.payloadXml())));
        if (node.isEmpty()) {
            // XEP-0402 section 5: the node a client would create, private and holding every item.
            Map<String, String> config = new LinkedHashMap<>(NodeConfig.DEFAULTS);
            config.put(NodeConfig.ACCESS_MODEL, NodeConfig.WHITELIST);
            config.put(NodeConfig.MAX_ITEMS, NodeConfig.MAX);
            config.put(NodeConfig.SEND_LAST, "never");
            events.add(new PepNodeConfigured(NODE, config, now));
        }
        for (String id : existing.keySet()) {
            if (!wanted.containsKey(id)) {
                events.add(new PepItemRetracted(NODE, id, now));
                effects.add(new Effect.Notify(NODE, NodeConfig.WHITELIST, PubSub.retractEvent(NODE, List.of(id))));
            }
        }
        wanted.forEach((id, conference) -> {
            String xml = XmlWriter.write(conference);
            if (!xml.equals(existing.get(id))) {
                events.add(new PepItemPublished(NODE, id, xml, now));
                effects.add(new Effect.Notify(NODE, NodeConfig.WHITELIST,
                        PubSub.itemsEvent(NODE, List.of(new PubSub.Item(id, conference)))));
            }
        });
        return Optional.of(new AccountOutcome(events, effects));
    }
}
