package im.hearth.actors.feature.roster;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.roster.RosterItemRemoved;
import im.hearth.persistence.event.user.roster.RosterItemSet;
import im.hearth.persistence.event.user.roster.SubscriptionChanged;
import im.hearth.protocol.feature.roster.RosterItem;
import im.hearth.protocol.feature.roster.RosterQuery;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The roster's decisions as pure functions (STYLE: decide, then evolve): roster get and set
 * (RFC 6121 2.2 to 2.5, XEP-0237 versioning) and the processing of subscription stanzas the user
 * sends (3.1.2, 3.2.2, 3.3.2, 3.4) and receives (3.1.3, 3.2.3, 3.3.3). Each returns the events to
 * persist and what to send once they are in the journal.
 */
public final class RosterDecider {
    /** RFC 6121 leaves the limit to the server; 1023 bytes matches a JID part. */
    static final int MAX_TEXT_BYTES = 1023;

    private RosterDecider() {
    }

    /** Something to send after the events are persisted. */
    public sealed interface Effect {
        /** The answer to the requesting resource. */
        record Reply(Element stanza) implements Effect {
        }

        /** A roster push (RFC 6121 2.1.6) of this item, at this version, to every interested resource. */
        record Push(RosterItem item, String version) implements Effect {
        }

        /** This item pushed to the requesting resource only (the delta of a versioned get, XEP-0237 4). */
        record PushToRequester(RosterItem item, String version) implements Effect {
        }

        /** The requesting resource asked for the roster: it now gets pushes (RFC 6121 2.1.6). */
        record Interested() implements Effect {
        }

        /** A stanza for the router (to the contact). */
        record Route(Element stanza) implements Effect {
        }

        /** A stanza for all the user's available resources. */
        record DeliverToUser(Element stanza) implements Effect {
        }
    }

    public record Outcome(List<UserEvent> events, List<Effect> effects) {
        static Outcome reply(Element stanza) {
            return new Outcome(List.of(), List.of(new Effect.Reply(stanza)));
        }
    }

    /** A roster IQ from one of the user's own resources. */
    public static Outcome onIq(Roster roster, BareJid owner, Element iq, Element query, Instant now) {
        String type = Stanzas.type(iq);
        if ("get".equals(type)) {
            return get(roster, iq, query);
        }
        if ("set".equals(type)) {
            return set(roster, owner, iq, query, now);
        }
        return Outcome.reply(Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
    }

    private static Outcome get(Roster roster, Element iq, Element query) {
        String ver = query.attr("ver");
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.Interested());
        Optional<List<RosterItem>> delta = ver == null ? Optional.empty() : roster.changesSince(ver);
        if (delta.isPresent()) {
            // XEP-0237 2.3/4: an empty result, then the changes as pushes (none if up to date).
            effects.add(new Effect.Reply(Stanzas.iqResult(iq, null)));
            for (RosterItem item : delta.get()) {
                effects.add(new Effect.PushToRequester(item, roster.versionString()));
            }
            return new Outcome(List.of(), effects);
        }
        List<RosterItem> items = roster.listed().stream().map(Roster.Item::toRosterItem).toList();
        effects.add(new Effect.Reply(Stanzas.iqResult(iq, new RosterQuery(roster.versionString(), items).toElement())));
        return new Outcome(List.of(), effects);
    }

    private static Outcome set(Roster roster, BareJid owner, Element iq, Element query, Instant now) {
        List<Element> itemElements = query.children("item", RosterQuery.NAMESPACE);
        if (itemElements.size() != 1) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, "a roster set has exactly one item"); // 2.3.3
        }
        Element itemElement = itemElements.get(0);
        Optional<RosterItem> parsed = RosterItem.parse(itemElement);
        if (parsed.isEmpty()) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, "the item has no jid");
        }
        RosterItem item = parsed.get();
        Optional<Jid> jid = Jid.tryParse(item.jid());
        if (jid.isEmpty()) {
            return error(iq, StanzaErrorCondition.JID_MALFORMED, null);
        }
        String contact = jid.get().bare().toString();
        if (item.isRemove()) {
            return remove(roster, owner.toString(), iq, contact, now);
        }
        List<Element> groupElements = itemElement.children("group", RosterQuery.NAMESPACE);
        Set<String> seen = new HashSet<>();
        for (Element g : groupElements) {
            if (g.text().isEmpty() || !seen.add(g.text())) {
                // 2.3.3: an empty group name, or the same group twice.
                return error(iq, g.text().isEmpty() ? StanzaErrorCondition.NOT_ACCEPTABLE : StanzaErrorCondition.BAD_REQUEST, null);
            }
            if (tooLong(g.text())) {
                return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "group name too long");
            }
        }
        if (item.name() != null && tooLong(item.name())) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "name too long");
        }
        Roster next = roster.apply(new RosterItemSet(contact, item.name(), item.groups(), now));
        Roster.Item stored = next.items().get(contact);
        return new Outcome(List.of(new RosterItemSet(contact, item.name(), item.groups(), now)), List.of(
                new Effect.Reply(Stanzas.iqResult(iq, null)),
                new Effect.Push(stored.toRosterItem(), next.versionString())));
    }

    // 2.5.2: removing a contact also ends every subscription with it.
    private static Outcome remove(Roster roster, String owner, Element iq, String contact, Instant now) {
        Optional<Roster.Item> existing = roster.item(contact).filter(Roster.Item::listed);
        if (existing.isEmpty()) {
            return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, null); // 2.5.3
        }
        Subscription s = existing.get().subscription();
        List<Effect> effects = new ArrayList<>();
        if (s.kind().to() || s.pendingOut()) {
            effects.add(new Effect.Route(subscriptionStanza(owner, contact, Subscription.Type.UNSUBSCRIBE)));
        }
        if (s.kind().from() || s.pendingIn()) {
            effects.add(new Effect.Route(subscriptionStanza(owner, contact, Subscription.Type.UNSUBSCRIBED)));
        }
        effects.add(new Effect.Reply(Stanzas.iqResult(iq, null)));
        effects.add(new Effect.Push(new RosterItem(contact, null, List.of(), "remove", false),
                Long.toString(roster.version() + 1)));
        return new Outcome(List.of(new RosterItemRemoved(contact, now)), effects);
    }

    /**
     * A subscription stanza the user sends (RFC 6121 3.1.2, 3.2.2, 3.3.2, 3.4): the state
     * changes per Appendix A.2, the item is pushed if it changed, and the stanza goes on to the
     * contact stamped with the user's bare JID.
     */
    public static Outcome outbound(Roster roster, BareJid owner, String contact, Subscription.Type type,
                                   Element presence, Instant now) {
        Subscription before = roster.subscription(contact);
        Subscription.Transition t = before.outbound(type);
        List<UserEvent> events = new ArrayList<>();
        List<Effect> effects = new ArrayList<>();
        recordChange(roster, contact, before, t, now, events, effects);
        if (t.forward()) {
            effects.add(new Effect.Route(presence.withAttr("from", owner.toString()).withAttr("to", contact)));
        }
        return new Outcome(events, effects);
    }

    /**
     * A subscription stanza from a contact (RFC 6121 3.1.3, 3.2.3, 3.3.3): the state changes per
     * Appendix A.3; it is delivered to the user's available resources only where the table says
     * so, and a subscribe the user already granted (or pre-approved) is answered by the server.
     */
    public static Outcome inbound(Roster roster, BareJid owner, String contact, Subscription.Type type,
                                  Element presence, Instant now) {
        Subscription before = roster.subscription(contact);
        Subscription.Transition t = before.inbound(type);
        List<UserEvent> events = new ArrayList<>();
        List<Effect> effects = new ArrayList<>();
        recordChange(roster, contact, before, t, now, events, effects);
        if (t.forward()) {
            effects.add(new Effect.DeliverToUser(presence.withAttr("from", contact).withAttr("to", owner.toString())));
        }
        t.autoReply().ifPresent(reply -> effects.add(new Effect.Route(subscriptionStanza(owner.toString(), contact, reply))));
        return new Outcome(events, effects);
    }

    /** A changed subscription is an event, and a push of the item if the roster shows it. */
    private static void recordChange(Roster roster, String contact, Subscription before, Subscription.Transition t,
                                     Instant now, List<UserEvent> events, List<Effect> effects) {
        if (!t.changed(before)) {
            return;
        }
        SubscriptionChanged e = changed(contact, t.state(), now);
        events.add(e);
        Roster next = roster.apply(e);
        next.item(contact).filter(Roster.Item::listed).ifPresent(i ->
                effects.add(new Effect.Push(i.toRosterItem(), next.versionString())));
    }

    static Element subscriptionStanza(String from, String to, Subscription.Type type) {
        return Element.builder("presence", Namespaces.CLIENT).attr("from", from).attr("to", to)
                .attr("type", type.value()).build();
    }

    private static SubscriptionChanged changed(String contact, Subscription s, Instant now) {
        return new SubscriptionChanged(contact, s.kind().value(), s.pendingOut(), s.pendingIn(), s.preApproved(), now);
    }

    private static boolean tooLong(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES;
    }

    private static Outcome error(Element iq, StanzaErrorCondition condition, String text) {
        return Outcome.reply(Stanzas.errorReply(iq, StanzaError.of(condition, text)));
    }
}
