package im.hearth.actors.feature.last;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.last.LastLogout;
import java.time.Instant;

/**
 * When the account's last available resource went away and the status it left with (XEP-0012
 * section 4), as its journal adds up; {@code at} is null if that never happened. Part of the
 * user's state and snapshot.
 */
public record LastSeen(Instant at, String status) {
    public static final LastSeen EMPTY = new LastSeen(null, null);

    public LastSeen apply(UserEvent event) {
        if (event instanceof LastLogout e) {
            return new LastSeen(e.at(), e.status());
        }
        return this;
    }
}
