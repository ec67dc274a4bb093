package im.hearth.actors.user;

import im.hearth.actors.routing.DeliveryRules;
import im.hearth.actors.routing.DeliveryRules.Decision;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.MessageArchived.Direction;
import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.feature.carbons.Carbons;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The User entity's two stanza paths: what one of its sessions sends ({@code Send}: routed while
 * it is archived in this journal, with carbon copies once it is) and what arrives for it
 * ({@code Deliver}: the blocklist, presence and account IQs handed on, then RFC 6121 8.5 via
 * {@link DeliveryRules}; a message is archived before it is delivered to sessions or stored
 * offline, XEP-0313 and XEP-0160).
 */
final class Delivery {

    private final UserEntity e;

    Delivery(UserEntity e) {
        this.e = e;
    }

    ReplyEffect<UserEvent, UserState> onSend(UserState s, UserEntity.Send c) {
        Element stanza = c.stanza();
        if (e.blockedOutbound(s, stanza)) {
            return e.done(c.replyTo());
        }
        // Routed at once, archived or not: the recipient's entity writes its own copy before
        // delivering, so a message waits for one commit instead of this copy's and then that one
        // (and both copies often share it). The sender is answered only once this copy is in.
        e.route.accept(stanza);
        String peer = Jid.parse(Stanzas.to(stanza)).bare().toString();
        if (!Archive.archivable(stanza) || !Archive.wantedByPrefs(s, peer)) {
            e.fanout.sent(stanza);
            return e.done(c.replyTo());
        }
        String id = StanzaIds.next();
        Element archived = Archive.withStanzaId(stanza, id, e.jid.toString());
        return e.effects().persist(new MessageArchived(id, Instant.now(), Direction.OUTGOING, peer, Archive.xml(archived)))
                .thenRun(st -> e.fanout.sent(archived)) // the copies carry the archive's stanza-id
                .thenReply(c.replyTo(), st -> Done.getInstance());
    }

    ReplyEffect<UserEvent, UserState> onDeliver(UserState s, UserEntity.Deliver c) {
        StanzaKind kind = Stanzas.kind(c.stanza());
        if (e.blockedInbound(s, c.stanza())) {
            return e.done(c.replyTo());
        }
        if (kind == StanzaKind.IQ && e.fanout.isPushAnswer(c.stanza())) {
            return e.fanout.onPushAnswer(s, c.stanza(), c.replyTo());
        }
        // XEP-0280: whether a copy is due is decided on the message as sent; then the carbons
        // elements only this server may make or read go (a forged copy, the private hint).
        boolean copy = CarbonCopies.eligible(c.stanza());
        Element stanza = kind == StanzaKind.MESSAGE ? Carbons.withoutServerElements(c.stanza()) : c.stanza();
        if (kind == StanzaKind.PRESENCE && UserPresence.handlesInbound(stanza)) {
            return e.presence.onInbound(s, stanza, c.replyTo());
        }
        if (kind == StanzaKind.PRESENCE && s.exists()) {
            // A contact's availability and caps decide which PEP notifications it gets (XEP-0163 4).
            Jid.tryParse(Stanzas.from(stanza)).filter(Jid::isFull).filter(f -> !f.bare().equals(e.jid))
                    .ifPresent(f -> e.pep.onPresence(s, f.toString(), stanza).forEach(e.route));
        }
        if (kind == StanzaKind.IQ && e.pep.isCapsAnswer(stanza)) {
            e.pep.onCapsAnswer(s, stanza).forEach(e.route);
            return e.done(c.replyTo());
        }
        if (kind == StanzaKind.IQ && s.exists() && e.presence.isAccountIqFromOthers(stanza)) {
            return e.presence.onAccountIqFromOthers(s, stanza, c.replyTo());
        }
        Jid to = Jid.parse(Stanzas.to(stanza));
        List<DeliveryRules.Resource> resources = new ArrayList<>();
        e.sessions.forEach((name, live) -> resources.add(new DeliveryRules.Resource(name, live.available(), live.priority())));
        Decision decision = DeliveryRules.decide(kind, Stanzas.type(stanza), to.resource(), s.exists(), resources);
        String from = Jid.tryParse(Stanzas.from(stanza)).map(j -> j.bare().toString()).orElse("");
        if (decision instanceof Decision.DeliverTo d) {
            if (!Archive.archivable(stanza) || !Archive.wantedByPrefs(s, from)) {
                Element clean = Archive.withoutForeignStanzaIds(stanza, e.jid.toString());
                deliver(clean, d.resources());
                e.fanout.received(copy, clean, d.resources());
                return e.done(c.replyTo());
            }
            String id = StanzaIds.next();
            Element stamped = Archive.withStanzaId(stanza, id, e.jid.toString());
            return e.effects().persist(new MessageArchived(id, Instant.now(), Direction.INCOMING, from, Archive.xml(stamped)))
                    .thenRun(st -> {
                        deliver(stamped, d.resources());
                        e.fanout.received(copy, stamped, d.resources());
                        e.fanout.notifyDevices(st, stamped, d.resources(), 1);
                    })
                    .thenReply(c.replyTo(), st -> Done.getInstance());
        } else if (decision instanceof Decision.StoreOffline) {
            if (!Archive.archivable(stanza)) {
                e.fanout.received(copy, Archive.withoutForeignStanzaIds(stanza, e.jid.toString()), List.of());
                return Archive.offlineOnly(stanza) ? storeOfflineOnly(stanza, c.replyTo())
                        : e.done(c.replyTo()); // nothing worth keeping (chat states)
            }
            String id = StanzaIds.next();
            Instant now = Instant.now();
            if (!Archive.wantedByPrefs(s, from)) {
                // Not for the archive, but nothing accepted is lost: kept offline, without a stanza-id.
                String plain = Archive.xml(Archive.withoutForeignStanzaIds(stanza, e.jid.toString()));
                return e.effects().persist(new StoredOffline(id, now, plain))
                        .thenReply(c.replyTo(), st -> Done.getInstance());
            }
            Element stamped = Archive.withStanzaId(stanza, id, e.jid.toString());
            String xml = Archive.xml(stamped);
            return e.effects().persist(List.of(
                            new MessageArchived(id, now, Direction.INCOMING, from, xml),
                            new StoredOffline(id, now, xml)))
                    .thenRun(st -> {
                        e.fanout.received(copy, stamped, List.of());
                        e.fanout.notifyDevices(st, stamped, List.of(), st.offline().size());
                    })
                    .thenReply(c.replyTo(), st -> Done.getInstance());
        } else if (decision instanceof Decision.Bounce b) {
            e.route.accept(Stanzas.errorReply(stanza, StanzaError.of(b.condition())));
            return e.done(c.replyTo());
        }
        return e.done(c.replyTo()); // Drop
    }

    /** XEP-0334 no-permanent-store: kept for the next session, but not archived (so without a stanza-id). */
    private ReplyEffect<UserEvent, UserState> storeOfflineOnly(Element stanza, ActorRef<Done> replyTo) {
        Element clean = Archive.withoutForeignStanzaIds(stanza, e.jid.toString());
        return e.effects().persist(new StoredOffline(StanzaIds.next(), Instant.now(), Archive.xml(clean)))
                .thenReply(replyTo, st -> Done.getInstance());
    }

    private void deliver(Element stanza, List<String> resources) {
        for (String r : resources) {
            LiveSession live = e.sessions.get(r);
            if (live != null) {
                live.tell(stanza);
            }
        }
    }
}
