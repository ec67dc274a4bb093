package im.hearth.actors.feature.pep;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.pep.PepItemPublished;
import im.hearth.persistence.event.user.pep.PepItemRetracted;
import im.hearth.persistence.event.user.pep.PepNodeConfigured;
import im.hearth.persistence.event.user.pep.PepNodeDeleted;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's PEP service as its journal adds up: each node with its configuration and its items,
 * oldest first, never more than the node's {@code pubsub#max_items} (the oldest go first, XEP-0060
 * 7.1.2 with persistent items). Part of the user's state and snapshot.
 */
public record Pep(Map<String, PepNode> nodes) {
    public static final Pep EMPTY = new Pep(Map.of());

    public Pep {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes == null ? Map.of() : nodes));
    }

    /** One stored item: its id and its payload, serialized. */
    public record StoredItem(String id, String payloadXml) {
    }

    /** A node: its whole configuration (see {@link NodeConfig}) and its items, oldest first. */
    public record PepNode(Map<String, String> config, List<StoredItem> items) {
        public PepNode {
            config = Map.copyOf(config == null ? Map.of() : config);
            items = List.copyOf(items == null ? List.of() : items);
        }

        public String accessModel() {
            return config.getOrDefault(NodeConfig.ACCESS_MODEL, NodeConfig.PRESENCE);
        }

        public Optional<StoredItem> last() {
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
        }

        /** The items kept once at most {@code max} remain: the newest. */
        PepNode trimmed(int max) {
            return items.size() <= max ? this : new PepNode(config, items.subList(items.size() - max, items.size()));
        }
    }

    public Optional<PepNode> node(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public Pep apply(UserEvent event) {
        if (event instanceof PepNodeConfigured e) {
            PepNode old = nodes.get(e.node());
            PepNode next = new PepNode(e.config(), old == null ? List.of() : old.items());
            return with(e.node(), next.trimmed(NodeConfig.maxItems(e.config())));
        } else if (event instanceof PepItemPublished e) {
            PepNode old = nodes.get(e.node());
            if (old == null) {
                // The decider always configures a node before its first item; a journal without it
                // still reads, with the defaults.
                old = new PepNode(NodeConfig.DEFAULTS, List.of());
            }
            List<StoredItem> items = new ArrayList<>(old.items());
            items.removeIf(i -> i.id().equals(e.itemId()));
            items.add(new StoredItem(e.itemId(), e.payloadXml()));
            return with(e.node(), new PepNode(old.config(), items).trimmed(NodeConfig.maxItems(old.config())));
        } else if (event instanceof PepItemRetracted e) {
            PepNode old = nodes.get(e.node());
            if (old == null) {
                return this;
            }
            List<StoredItem> items = new ArrayList<>(old.items());
            items.removeIf(i -> i.id().equals(e.itemId()));
            return with(e.node(), new PepNode(old.config(), items));
        } else if (event instanceof PepNodeDeleted e) {
            Map<String, PepNode> m = new LinkedHashMap<>(nodes);
            m.remove(e.node());
            return new Pep(m);
        }
        return this;
    }

    private Pep with(String name, PepNode node) {
        Map<String, PepNode> m = new LinkedHashMap<>(nodes);
        m.put(name, node);
        return new Pep(m);
    }
}
