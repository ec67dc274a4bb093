package im.hearth.actors.feature.roster;

import java.util.Optional;

/**
 * The presence subscription between a user and one contact, as the user's server keeps it
 * (RFC 6121 section 3 and the state tables of Appendix A): the subscription itself (none, to,
 * from, both), whether the user asked for one that the contact has not answered (pending out,
 * shown as ask='subscribe'), whether the contact asked and the user has not answered (pending
 * in, not shown in the roster), and a pre-approval (section 3.4).
 *
 * <p>Both tables are pure functions: {@link #outbound} for what the user sends, {@link #inbound}
 * for what arrives from the contact. Each returns the new state and what to do with the stanza.
 */
public record Subscription(Kind kind, boolean pendingOut, boolean pendingIn, boolean preApproved) {

    /** The value of the roster item's 'subscription' attribute. */
    public enum Kind {
        NONE("none"), TO("to"), FROM("from"), BOTH("both");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public boolean to() {
            return this == TO || this == BOTH;
        }

        public boolean from() {
            return this == FROM || this == BOTH;
        }

        static Kind of(boolean to, boolean from) {
            return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
        }
    }

    /** The four subscription presence types (RFC 6121 3). */
    public enum Type {
        SUBSCRIBE("subscribe"), SUBSCRIBED("subscribed"), UNSUBSCRIBE("unsubscribe"), UNSUBSCRIBED("unsubscribed");

        private final String value;

        Type(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Optional<Type> of(String value) {
            for (Type t : values()) {
                if (t.value.equals(value)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The outcome of one subscription stanza.
     *
     * @param state     the new state (equal to the old one when nothing changed)
     * @param forward   for outbound stanzas: route it to the contact; for inbound: deliver it to the user
     * @param autoReply for inbound subscribe from a contact the user already lets see presence,
     *                  or who was pre-approved: the server answers 'subscribed' itself (A.3.1, 3.4)
     */
    public record Transition(Subscription state, boolean forward, Optional<Type> autoReply) {
        public boolean changed(Subscription before) {
            return !state.equals(before);
        }
    }

    public static final Subscription NONE = new Subscription(Kind.NONE, false, false, false);

    public Subscription {
        if (kind.from() && (pendingIn || preApproved)) {
            throw new IllegalArgumentException("a contact that has a subscription cannot be pending in or pre-approved");
        }
        if (kind.to() && pendingOut) {
            throw new IllegalArgumentException("a subscription to the contact cannot also be pending out");
        }
    }

    private Subscription with(boolean to, boolean from, boolean out, boolean in, boolean pre) {
        return new Subscription(Kind.of(to, from), out, in, pre && !from && !in);
    }

    /** RFC 6121 A.2: a subscription stanza the user sends to the contact. */
    public Transition outbound(Type type) {
        boolean to = kind.to();
        boolean from = kind.from();
        return switch (type) {
            // A.2.1: ask for the contact's presence; always routed (3.1.2).
            case SUBSCRIBE -> new Transition(to ? this : with(false, from, true, pendingIn, preApproved), true, Optional.empty());
            // A.2.2: stop receiving the contact's presence.
            case UNSUBSCRIBE -> new Transition(with(false, from, false, pendingIn, preApproved), true, Optional.empty());
            // A.2.3: approve the contact's request; without one it is a pre-approval (3.4), not routed.
            case SUBSCRIBED -> pendingIn
                    ? new Transition(with(to, true, pendingOut, false, false), true, Optional.empty())
                    : new Transition(from ? this : with(to, false, pendingOut, false, true), false, Optional.empty());
            // A.2.4: refuse a request, or cancel the contact's subscription (and any pre-approval).
            case UNSUBSCRIBED -> {
                Subscription next = with(to, false, pendingOut, false, false);
                yield new Transition(next, from || pendingIn || preApproved, Optional.empty());
            }
        };
    }

    /** RFC 6121 A.3: a subscription stanza that arrives from the contact. */
    public Transition inbound(Type type) {
        boolean to = kind.to();
        boolean from = kind.from();
        return switch (type) {
            case SUBSCRIBE -> {
                if (from) {
                    // A.3.1: already subscribed: the server answers for the user, nothing is delivered.
                    yield new Transition(this, false, Optional.of(Type.SUBSCRIBED));
                }
                if (preApproved) {
                    // 3.4: pre-approved: the subscription is granted at once.
                    yield new Transition(with(to, true, pendingOut, false, false), false, Optional.of(Type.SUBSCRIBED));
                }
                yield pendingIn
                        ? new Transition(this, false, Optional.empty())
                        : new Transition(with(to, false, pendingOut, true, false), true, Optional.empty());
            }
            // A.3.2: the contact no longer wants the user's presence (or withdraws a request).
            case UNSUBSCRIBE -> (from || pendingIn)
                    ? new Transition(with(to, false, pendingOut, false, preApproved), true, Optional.empty())
                    : new Transition(this, false, Optional.empty());
            // A.3.3: the contact approved the user's request; without one it is ignored.
            case SUBSCRIBED -> pendingOut
                    ? new Transition(with(true, from, false, pendingIn, preApproved), true, Optional.empty())
                    : new Transition(this, false, Optional.empty());
            // A.3.4: the contact refused the request or cancelled the user's subscription.
            case UNSUBSCRIBED -> (to || pendingOut)
                    ? new Transition(with(false, from, false, pendingIn, preApproved), true, Optional.empty())
                    : new Transition(this, false, Optional.empty());
        };
    }
}
