package im.hearth.actors.feature.privatexml;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.privatexml.PrivateXmlStored;
import im.hearth.protocol.feature.privatexml.PrivateQuery;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A user's private XML storage as its journal adds up: one serialized element per qualified name
 * (key {@code {namespace}name}). Part of the user's state and snapshot.
 */
public record PrivateXml(Map<String, String> stored) {
    public static final PrivateXml EMPTY = new PrivateXml(Map.of());

    public PrivateXml {
        stored = Collections.unmodifiableMap(new LinkedHashMap<>(stored == null ? Map.of() : stored));
    }

    public Optional<String> get(String name, String namespace) {
        return Optional.ofNullable(stored.get(PrivateQuery.key(name, namespace)));
    }

    /** Bytes kept, all elements together, as the size limit counts them. */
    public long bytes() {
        long sum = 0;
        for (String xml : stored.values()) {
            sum += size(xml);
        }
        return sum;
    }

    static long size(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8).length;
    }

    public PrivateXml apply(UserEvent event) {
        if (event instanceof PrivateXmlStored e) {
            Map<String, String> m = new LinkedHashMap<>(stored);
            m.put(PrivateQuery.key(e.name(), e.namespace()), e.xml());
            return new PrivateXml(m);
        }
        return this;
    }
}
