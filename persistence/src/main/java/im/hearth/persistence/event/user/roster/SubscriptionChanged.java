package im.hearth.persistence.event.user.roster;

import im.hearth.persistence.event.user.UserEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The presence subscription with a contact changed (RFC 6121 3, Appendix A): the new state as a
 * whole. {@code subscription} is none, to, from or both; a contact not yet in the roster is added.
 */
public record SubscriptionChanged(String contact, String subscription, boolean pendingOut, boolean pendingIn,
                                  boolean preApproved, Instant at) implements UserEvent {
    public SubscriptionChanged {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(at, "at");
    }
}
