package im.hearth.persistence.event.user.vcard;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The user replaced their vCard4 over IQ (XEP-0292). {@code xml} is the serialized
 * {@code <vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>}.
 */
public record VCard4Set(String xml, Instant at) implements UserEvent {
    public VCard4Set {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(at, "at");
    }
}
