package im.hearth.actors.feature.presence;

import im.hearth.actors.feature.roster.Roster;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Presence broadcast and probes (RFC 6121 section 4) as pure functions of the roster: who gets a
 * resource's presence, whom to probe at initial presence, and the answer to a contact's probe.
 * The User entity keeps the live part (each resource's last presence, its directed presence).
 */
public final class PresenceRules {

    private PresenceRules() {
    }

    /** Contacts allowed to see the user's presence: subscription from or both (4.2.2, 4.4.2). */
    public static List<String> subscribers(Roster roster) {
        return roster.items().values().stream().filter(i -> i.subscription().kind().from()).map(Roster.Item::jid).toList();
    }

    /** Contacts whose presence the user receives: subscription to or both (4.2.2 probes). */
    public static List<String> subscriptions(Roster roster) {
        return roster.items().values().stream().filter(i -> i.subscription().kind().to()).map(Roster.Item::jid).toList();
    }

    /**
     * Presence from one of the user's resources, without 'to', to send on to contacts: to every
     * subscriber (4.2.2, 4.4.2), and an unavailable one also to those the resource sent directed
     * presence to (4.6.3), each addressed to the contact's bare JID.
     */
    public static List<Element> broadcast(Roster roster, Element presence, Collection<String> directedTo) {
        Set<String> to = new LinkedHashSet<>(subscribers(roster));
        if ("unavailable".equals(presence.attr("type"))) {
            to.addAll(directedTo);
        }
        List<Element> out = new ArrayList<>(to.size());
        for (String contact : to) {
            out.add(presence.withAttr("to", contact));
        }
        return out;
    }

    /** The probes sent on the user's behalf at initial presence (4.2.2): one per subscription. */
    public static List<Element> probes(Roster roster, BareJid owner) {
        List<Element> out = new ArrayList<>();
        for (String contact : subscriptions(roster)) {
            out.add(Element.builder("presence", Namespaces.CLIENT).attr("from", owner.toString())
                    .attr("to", contact).attr("type", "probe").build());
        }
        return out;
    }

    /** Subscription requests still unanswered, delivered again at each initial presence (3.1.3). */
    public static List<Element> pendingRequests(Roster roster, BareJid owner) {
        List<Element> out = new ArrayList<>();
        for (Roster.Item i : roster.items().values()) {
            if (i.subscription().pendingIn()) {
                out.add(Element.builder("presence", Namespaces.CLIENT).attr("from", i.jid())
                        .attr("to", owner.toString()).attr("type", "subscribe").build());
            }
        }
        return out;
    }

    /**
     * The answer to a probe from a contact (4.3.2): the last presence of each available resource
     * if the contact is subscribed; the last unavailable presence (or a bare unavailable one) if
     * none is available; nothing at all if the contact is not subscribed, so that nothing about
     * the user's presence is revealed.
     */
    public static List<Element> answerProbe(Roster roster, String contact, List<Element> availablePresences,
                                            Element lastUnavailable, BareJid owner) {
        if (!roster.subscription(contact).kind().from()) {
            return List.of();
        }
        List<Element> out = new ArrayList<>();
        for (Element p : availablePresences) {
            out.add(p.withAttr("to", contact));
        }
        if (out.isEmpty()) {
            Element last = lastUnavailable != null ? lastUnavailable
                    : Element.builder("presence", Namespaces.CLIENT).attr("from", owner.toString())
                            .attr("type", "unavailable").build();
            out.add(last.withAttr("to", contact));
        }
        return out;
    }
}
