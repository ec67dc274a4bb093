package im.hearth.actors.feature.roster;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.roster.RosterItemRemoved;
import im.hearth.persistence.event.user.roster.RosterItemSet;
import im.hearth.persistence.event.user.roster.SubscriptionChanged;
import im.hearth.protocol.feature.roster.RosterItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's roster as its journal adds up (RFC 6121 section 2), with roster versioning
 * (XEP-0237): every roster event raises the version by one, and each item and each removal
 * remembers the version that last touched it, so a client that names an old version gets only
 * what changed since. Part of the user's state and snapshot.
 *
 * @param items   by the contact's bare JID
 * @param removed contacts removed, with the version of their removal (tombstones for deltas)
 */
public record Roster(Map<String, Item> items, Map<String, Long> removed, long version) {

    /**
     * One contact. {@code listed} is false for a contact known only by a pending inbound
     * request, which RFC 6121 3.1.3 keeps out of the roster until the user answers.
     */
    public record Item(String jid, String name, List<String> groups, Subscription subscription, boolean listed,
                       long version) {
        public Item {
            groups = List.copyOf(groups);
        }

        public RosterItem toRosterItem() {
            return new RosterItem(jid, name, groups, subscription.kind().value(), subscription.pendingOut());
        }
    }

    public static final Roster EMPTY = new Roster(Map.of(), Map.of(), 0);

    public Roster {
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        removed = Collections.unmodifiableMap(new LinkedHashMap<>(removed));
    }

    public Optional<Item> item(String contact) {
        return Optional.ofNullable(items.get(contact));
    }

    public Subscription subscription(String contact) {
        Item i = items.get(contact);
        return i == null ? Subscription.NONE : i.subscription();
    }

    /** The items a client sees (RFC 6121 2.1.4), in the order they were added. */
    public List<Item> listed() {
        return items.values().stream().filter(Item::listed).toList();
    }

    public String versionString() {
        return Long.toString(version);
    }

    /**
     * What changed since the client's version (XEP-0237 section 4): the items to push (removals
     * as subscription='remove'), or empty when the client's version is unknown and it must get
     * the whole roster.
     */
    public Optional<List<RosterItem>> changesSince(String clientVersion) {
        long since;
        try {
            since = Long.parseLong(clientVersion);
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
        if (since < 0 || since > version) {
            return Optional.empty();
        }
        List<RosterItem> changes = new ArrayList<>();
        for (Item i : items.values()) {
            if (i.version() > since && i.listed()) {
                changes.add(i.toRosterItem());
            }
        }
        removed.forEach((jid, v) -> {
            if (v > since) {
                changes.add(new RosterItem(jid, null, List.of(), "remove", false));
            }
        });
        return Optional.of(changes);
    }

    /** Applies one of the roster events; any other user event leaves the roster as it is. */
    public Roster apply(UserEvent event) {
        long next = version + 1;
        if (event instanceof RosterItemSet e) {
            Item old = items.get(e.contact());
            Subscription sub = old == null ? Subscription.NONE : old.subscription();
            return with(e.contact(), new Item(e.contact(), e.name(), e.groups(), sub, true, next), next);
        } else if (event instanceof SubscriptionChanged e) {
            Item old = items.get(e.contact());
            Subscription sub = new Subscription(kind(e.subscription()), e.pendingOut(), e.pendingIn(), e.preApproved());
            boolean listed = (old != null && old.listed()) || sub.kind() != Subscription.Kind.NONE || sub.pendingOut();
            Item item = new Item(e.contact(), old == null ? null : old.name(), old == null ? List.of() : old.groups(),
                    sub, listed, next);
            if (!listed && sub.equals(Subscription.NONE)) {
                return without(e.contact(), next, old != null && old.listed());
            }
            return with(e.contact(), item, next);
        } else if (event instanceof RosterItemRemoved e) {
            return without(e.contact(), next, true);
        }
        return this;
    }

    private Roster with(String contact, Item item, long next) {
        Map<String, Item> m = new LinkedHashMap<>(items);
        m.put(contact, item);
        Map<String, Long> r = removed;
        if (removed.containsKey(contact)) {
            r = new LinkedHashMap<>(removed);
            r.remove(contact);
        }
        return new Roster(m, r, next);
    }

    private Roster without(String contact, long next, boolean tombstone) {
        Map<String, Item> m = new LinkedHashMap<>(items);
        m.remove(contact);
        Map<String, Long> r = new LinkedHashMap<>(removed);
        if (tombstone) {
            r.put(contact, next);
        }
        return new Roster(m, r, next);
    }

    private static Subscription.Kind kind(String value) {
        for (Subscription.Kind k : Subscription.Kind.values()) {
            if (k.value().equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown subscription " + value);
    }
}
