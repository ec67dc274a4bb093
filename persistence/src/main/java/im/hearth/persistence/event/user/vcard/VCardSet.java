package im.hearth.persistence.event.user.vcard;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The user replaced their vcard-temp vCard (XEP-0054 section 3.2). {@code xml} is the serialized
 * {@code <vCard xmlns='vcard-temp'>}; {@code photoHash} the hex SHA-1 of its PHOTO's image (XEP-0153
 * section 4.1), empty when it has none.
 */
public record VCardSet(String xml, String photoHash, Instant at) implements UserEvent {
    public VCardSet {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(photoHash, "photoHash");
        Objects.requireNonNull(at, "at");
    }
}
