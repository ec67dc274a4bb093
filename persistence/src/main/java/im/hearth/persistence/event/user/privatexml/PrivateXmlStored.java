package im.hearth.persistence.event.user.privatexml;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The user stored an element in private XML storage (XEP-0049 section 2.1), replacing any element
 * of the same name and namespace. {@code xml} is the element's serialized form, its namespace
 * declared on the root.
 */
public record PrivateXmlStored(String name, String namespace, String xml, Instant at) implements UserEvent {
    public PrivateXmlStored {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(at, "at");
    }
}
