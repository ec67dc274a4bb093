package im.hearth.persistence.event.user.last;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The user's last available resource became unavailable (it sent unavailable presence or its
 * session ended) at {@code at}; {@code status} is the text of that unavailable presence's
 * {@code <status/>}, null when it had none (XEP-0012 section 4).
 */
public record LastLogout(Instant at, String status) implements UserEvent {
    public LastLogout {
        Objects.requireNonNull(at, "at");
    }
}
