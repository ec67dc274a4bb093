package im.hearth.actors.routing;

import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Where a stanza addressed to a local account goes: the delivery rules of RFC 6121 section 8.5 as
 * one pure function, so every row is tested without actors. {@code docs/routing.md} is this table
 * in prose. Subscription-dependent presence rules (RFC 6121 section 3) come with the roster.
 */
public final class DeliveryRules {

    /** A bound resource of the account as the User entity knows it. */
    public record Resource(String name, boolean available, int priority) {
    }

    /** What to do with the stanza. */
    public sealed interface Decision {
        /** Hand it to these resources' sessions. */
        record DeliverTo(List<String> resources) implements Decision {
        }

        /** Keep it for the account's next available session (XEP-0160). */
        record StoreOffline() implements Decision {
        }

        /** Return an error to the sender (never for a stanza of type error). */
        record Bounce(StanzaErrorCondition condition) implements Decision {
        }

        /** Drop it silently. */
        record Drop() implements Decision {
        }
    }

    private static final Set<String> KNOWN_MESSAGE_TYPES =
            Set.of("chat", "normal", "headline", "groupchat", "error");
    private static final Decision DROP = new Decision.Drop();
    private static final Decision STORE = new Decision.StoreOffline();
    private static final Decision UNAVAILABLE = new Decision.Bounce(StanzaErrorCondition.SERVICE_UNAVAILABLE);

    private DeliveryRules() {
    }

    /**
     * @param kind          message, presence or iq
     * @param type          the stanza's type attribute (null is the kind's default)
     * @param toResource    the resource addressed, or null for the bare JID
     * @param accountExists whether the local account exists
     * @param resources     the account's bound resources
     */
    public static Decision decide(StanzaKind kind, String type, String toResource, boolean accountExists,
                                  Collection<Resource> resources) {
        boolean error = "error".equals(type);
        if (kind == StanzaKind.PRESENCE && "probe".equals(type)) {
            // RFC 6121 4.3.2: the contact's server answers a probe itself and never delivers it to
            // the contact's clients. Answering needs subscriptions (RFC 6121 3), which come with the
            // roster; until then the probe is ignored, which reveals nothing.
            return DROP;
        }
        if (!accountExists) {
            // 8.5.1: no such account.
            return switch (kind) {
                case MESSAGE -> error ? DROP : UNAVAILABLE;
                case PRESENCE -> DROP;
                case IQ -> isRequest(type) ? UNAVAILABLE : DROP;
            };
        }
        if (toResource != null) {
            for (Resource r : resources) {
                if (r.name().equals(toResource)) {
                    // 8.5.3.1: a connected resource that matches the full JID.
                    return new Decision.DeliverTo(List.of(r.name()));
                }
            }
            // 8.5.3.2: no such resource.
            return switch (kind) {
                case MESSAGE -> "chat".equals(type) ? decideBareMessage(type, resources)
                        : error || "headline".equals(type) ? DROP : UNAVAILABLE;
                case PRESENCE -> DROP;
                case IQ -> isRequest(type) ? UNAVAILABLE : DROP;
            };
        }
        return switch (kind) {
            case MESSAGE -> decideBareMessage(type, resources);
            // 8.5.2.1.2 / 8.5.2.2.2: presence to the bare JID goes to every available resource.
            case PRESENCE -> {
                List<String> available = new ArrayList<>();
                for (Resource r : resources) {
                    if (r.available()) {
                        available.add(r.name());
                    }
                }
                yield available.isEmpty() ? DROP : new Decision.DeliverTo(available);
            }
            // 8.5.2.1.3: the server answers on the account's behalf; no account-level IQ is handled yet.
            case IQ -> isRequest(type) ? UNAVAILABLE : DROP;
        };
    }

    // 8.5.2.1.1 and 8.5.2.2.1: a message to the bare JID.
    private static Decision decideBareMessage(String type, Collection<Resource> resources) {
        // RFC 6121 5.2.2: a missing or unknown type is treated as normal.
        String t = type == null || !KNOWN_MESSAGE_TYPES.contains(type) ? "normal" : type;
        if (t.equals("error")) {
            return DROP;
        }
        if (t.equals("groupchat")) {
            return UNAVAILABLE;
        }
        int best = Integer.MIN_VALUE;
        for (Resource r : resources) {
            if (r.available() && r.priority() >= 0) {
                best = Math.max(best, r.priority());
            }
        }
        if (best == Integer.MIN_VALUE) {
            return switch (t) {
                case "chat", "normal" -> STORE;
                default -> DROP; // headline: 8.5.2.2.1 says ignore it
            };
        }
        List<String> to = new ArrayList<>();
        for (Resource r : resources) {
            if (!r.available() || r.priority() < 0) {
                continue;
            }
            // headline goes to every non-negative resource; chat and normal to those of highest priority.
            if (t.equals("headline") || r.priority() == best) {
                to.add(r.name());
            }
        }
        return new Decision.DeliverTo(to);
    }

    private static boolean isRequest(String type) {
        return "get".equals(type) || "set".equals(type);
    }
}
