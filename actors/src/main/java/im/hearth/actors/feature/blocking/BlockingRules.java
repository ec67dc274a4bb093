package im.hearth.actors.feature.blocking;

import im.hearth.actors.feature.presence.PresenceRules;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.protocol.feature.blocking.BlockingPayload;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaErrorType;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a blocklist acts on stanzas (XEP-0191 sections 3.3 to 3.5), as pure functions: what happens
 * to a stanza a blocked JID sends to the user, to a stanza the user sends to a blocked JID, and
 * which presence goes out when the list changes. Stanzas between the user's own resources are
 * never blocked.
 */
public final class BlockingRules {

    private BlockingRules() {
    }

    /** What to do with a stanza: let it through, drop it silently, or answer with this error instead. */
    public sealed interface Verdict {
        record Pass() implements Verdict {
        }

        record Drop() implements Verdict {
        }

        record Refuse(Element error) implements Verdict {
        }
    }

    private static final Verdict PASS = new Verdict.Pass();
    private static final Verdict DROP = new Verdict.Drop();

    /**
     * A stanza to the user from someone else (3.3): from a blocked JID, presence of every kind
     * (subscriptions and probes too) is dropped without an answer; a message and an IQ get or set
     * get service-unavailable back, as if the user were not there; IQ results and errors, and
     * error messages, are dropped.
     */
    public static Verdict inbound(Blocklist list, BareJid owner, Element stanza) {
        Optional<Jid> from = Jid.tryParse(Stanzas.from(stanza));
        if (from.isEmpty() || owner.equals(from.get().bare()) || !list.blocks(from.get())) {
            return PASS;
        }
        StanzaKind kind = Stanzas.kind(stanza);
        String type = Stanzas.type(stanza);
        boolean answer = kind == StanzaKind.MESSAGE ? !"error".equals(type)
                : kind == StanzaKind.IQ && ("get".equals(type) || "set".equals(type));
        return answer ? new Verdict.Refuse(Stanzas.errorReply(stanza, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)))
                : DROP;
    }

    /**
     * A stanza the user sends to a blocked JID (3.5): it goes nowhere, and the sender gets
     * not-acceptable with {@code <blocked xmlns='urn:xmpp:blocking:errors'/>}; an error stanza
     * is dropped instead (never answer an error with an error, RFC 6120 8.3.1).
     */
    public static Verdict outbound(Blocklist list, BareJid owner, Element stanza) {
        Optional<Jid> to = Jid.tryParse(Stanzas.to(stanza));
        if (to.isEmpty() || owner.equals(to.get().bare()) || !list.blocks(to.get())) {
            return PASS;
        }
        if (Stanzas.isError(stanza)) {
            return DROP;
        }
        Element reply = Stanzas.errorReply(stanza,
                new StanzaError(StanzaErrorType.CANCEL, StanzaErrorCondition.NOT_ACCEPTABLE, null));
        Element error = reply.firstChild().orElseThrow().withChild(BlockingPayload.blockedCondition());
        return new Verdict.Refuse(reply.withChildren(List.of(error)));
    }

    /**
     * The presence the server sends when the blocklist changes. A contact that now becomes
     * blocked and was seeing the user's presence (a subscriber, or sent directed presence) gets
     * unavailable presence from each available resource (3.3). A subscriber that is unblocked gets
     * the current presence again (3.4), and a contact the user is subscribed to is probed again, so
     * that presence flows both ways as before the block.
     *
     * @param available the last presence of each available resource of the user
     * @param directed  the contacts the user's resources sent directed presence to
     */
    public static List<Element> presenceOnChange(Blocklist before, Blocklist after, Roster roster, BareJid owner,
                                                 List<Element> available, Collection<String> directed) {
        if (available.isEmpty()) {
            return List.of(); // nobody sees the user online: nothing to take back or to show
        }
        Set<String> subscribers = new LinkedHashSet<>(PresenceRules.subscribers(roster));
        Set<String> contacts = new LinkedHashSet<>(subscribers);
        contacts.addAll(directed);
        contacts.addAll(PresenceRules.subscriptions(roster));
        List<Element> out = new ArrayList<>();
        for (String contact : contacts) {
            boolean was = before.blocks(contact);
            boolean now = after.blocks(contact);
            if (!was && now && (subscribers.contains(contact) || directed.contains(contact))) {
                for (Element p : available) {
                    out.add(Element.builder("presence", Namespaces.CLIENT).attr("from", p.attr("from"))
                            .attr("to", contact).attr("type", "unavailable").build());
                }
            } else if (was && !now) {
                if (subscribers.contains(contact)) {
                    available.forEach(p -> out.add(p.withAttr("to", contact)));
                }
                if (roster.subscription(contact).kind().to()) {
                    out.add(Element.builder("presence", Namespaces.CLIENT).attr("from", owner.toString())
                            .attr("to", contact).attr("type", "probe").build());
                }
            }
        }
        return out;
    }
}
