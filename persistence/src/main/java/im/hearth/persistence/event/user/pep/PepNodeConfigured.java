package im.hearth.persistence.event.user.pep;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A PEP node was created (auto-created on publish, XEP-0163 section 3, or explicitly) or its
 * configuration changed (XEP-0060 8.2). {@code config} holds the whole configuration after the
 * change, keyed by the node_config field names ({@code pubsub#access_model}, {@code pubsub#max_items}, …).
 */
public record PepNodeConfigured(String node, Map<String, String> config, Instant at) implements UserEvent {
    public PepNodeConfigured {
        Objects.requireNonNull(node, "node");
        config = Map.copyOf(config);
        Objects.requireNonNull(at, "at");
    }
}
