package im.hearth.protocol.feature.vcard;

import im.hearth.protocol.xml.Element;
import java.util.Optional;

/**
 * The {@code <x xmlns='vcard-temp:x:update'/>} presence extension (XEP-0153 section 3.2): the hash
 * of the avatar a client publishes. {@code photo} is null when the client is not ready to advertise
 * one (no {@code <photo/>} child), empty when there is no avatar, or the hex SHA-1.
 */
public record VCardUpdate(String photo) {
    public static final String NAMESPACE = "vcard-temp:x:update";

    public Element toElement() {
        Element.Builder b = Element.builder("x", NAMESPACE);
        if (photo != null) {
            b.child(Element.builder("photo", NAMESPACE).text(photo).build());
        }
        return b.build();
    }

    public static Optional<VCardUpdate> parse(Element x) {
        if (!x.is("x", NAMESPACE)) {
            return Optional.empty();
        }
        return Optional.of(new VCardUpdate(x.childText("photo", NAMESPACE).map(String::trim).orElse(null)));
    }
}
