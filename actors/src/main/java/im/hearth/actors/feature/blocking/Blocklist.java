package im.hearth.actors.feature.blocking;

import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.blocking.BlocklistCleared;
import im.hearth.persistence.event.user.blocking.JidsBlocked;
import im.hearth.persistence.event.user.blocking.JidsUnblocked;
import im.hearth.protocol.jid.Jid;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JIDs a user blocks (XEP-0191), prepared, in the order they were blocked. Part of the user's
 * state and snapshot.
 */
public record Blocklist(List<String> jids) {
    public static final Blocklist EMPTY = new Blocklist(List.of());

    public Blocklist {
        jids = List.copyOf(new LinkedHashSet<>(jids));
    }

    public boolean contains(String jid) {
        return jids.contains(jid);
    }

    public boolean isEmpty() {
        return jids.isEmpty();
    }

    /** Whether an address is blocked; an address that does not parse is not. */
    public boolean blocks(String address) {
        if (jids.isEmpty() || address == null) {
            return false;
        }
        Optional<Jid> jid = Jid.tryParse(address);
        return jid.isPresent() && blocks(jid.get());
    }

    /**
     * Whether an address is blocked, by the JID matching rules XEP-0191 section 6 takes from
     * XEP-0016 section 2.1: an item {@code user@domain/resource} matches only that full JID,
     * {@code user@domain} that bare JID with any resource, {@code domain/resource} only that
     * address, and {@code domain} the domain itself, every user at it and every resource of either.
     */
    public boolean blocks(Jid jid) {
        if (jids.isEmpty()) {
            return false;
        }
        String full = jid.toString();
        String bare = jid.bare().toString();
        String domain = jid.domain();
        for (String item : jids) {
            // A domain/resource item equals only the full address itself, so three comparisons do.
            if (item.equals(full) || item.equals(bare) || item.equals(domain)) {
                return true;
            }
        }
        return false;
    }

    /** Applies one of the blocking events; any other user event leaves the list as it is. */
    public Blocklist apply(UserEvent event) {
        if (event instanceof JidsBlocked e) {
            List<String> next = new ArrayList<>(jids);
            next.addAll(e.jids());
            return new Blocklist(next);
        } else if (event instanceof JidsUnblocked e) {
            Set<String> gone = Set.copyOf(e.jids());
            return new Blocklist(jids.stream().filter(j -> !gone.contains(j)).toList());
        } else if (event instanceof BlocklistCleared) {
            return EMPTY;
        }
        return this;
    }
}
