package im.hearth.actors.feature.vcard;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.vcard.VCard4Set;
import im.hearth.persistence.event.user.vcard.VCardSet;
import java.util.Optional;

/**
 * A user's profile as its journal adds up: the serialized vcard-temp vCard (null if never set),
 * the hex SHA-1 of its photo (XEP-0153; empty for none, null if no vCard) and the serialized
 * vCard4 (null if never set). Part of the user's state and snapshot.
 */
public record VCards(String vcardTemp, String photoHash, String vcard4) {
    public static final VCards EMPTY = new VCards(null, null, null);

    public Optional<String> avatarHash() {
        return Optional.ofNullable(photoHash);
    }

    public VCards apply(UserEvent event) {
        if (event instanceof VCardSet e) {
            return new VCards(e.xml(), e.photoHash(), vcard4);
        } else if (event instanceof VCard4Set e) {
            return new VCards(vcardTemp, photoHash, e.xml());
        }
        return this;
    }
}
