package im.hearth.actors.user;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.blocking.BlockingRules;
import im.hearth.actors.feature.presence.PresenceRules;
import im.hearth.actors.feature.roster.RosterDecider;
import im.hearth.actors.feature.roster.RosterDecider.Effect;
import im.hearth.actors.feature.roster.Subscription;
import im.hearth.persistence.event.user.OfflineDelivered;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.protocol.feature.roster.RosterQuery;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * The User entity's presence and roster work (RFC 6121 sections 2 to 4): the user's own presence
 * (availability, broadcast to subscribers, probes, directed presence), subscription stanzas in
 * both directions, probes from contacts, and the roster IQs of the account. Decisions come from
 * {@link RosterDecider} and {@link PresenceRules}; this class persists and sends.
 */
final class UserPresence {
    private final UserEntity e;
    private final AtomicLong pushes = new AtomicLong();
    private Element lastUnavailable;

    UserPresence(UserEntity entity) {
        this.e = entity;
    }

    /** Presence from one of the user's own sessions, with or without 'to'. */
    ReplyEffect<UserEvent, UserState> onOwn(UserState s, UserEntity.UpdatePresence c) {
        LiveSession live = e.sessions.get(c.resource());
        Element presence = c.presence();
        String type = Stanzas.type(presence);
        String to = Stanzas.to(presence);
        if (live == null) {
            return e.done(c.replyTo());
        }
        if (to != null) {
            if (e.blockedOutbound(s, presence)) {
                return e.done(c.replyTo());
            }
            Optional<Jid> target = Jid.tryParse(to);
            Optional<Subscription.Type> sub = Subscription.Type.of(type);
            if (target.isEmpty()) {
                return e.done(c.replyTo());
            }
            if (sub.isPresent()) {
                String contact = target.get().bare().toString();
                if (contact.equals(e.jid.toString())) {
                    // A user always has their own presence (RFC 6121 4.2.2, 4.4.2); a subscription
                    // stanza to oneself would only make a roster item with itself as contact. Dropped.
                    return e.done(c.replyTo());
                }
                RosterDecider.Outcome outcome = RosterDecider.outbound(s.roster(), e.jid, contact, sub.get(), presence,
                        Instant.now());
                if (sub.get() == Subscription.Type.SUBSCRIBED && !s.roster().subscription(contact).kind().from()
                        && !outcome.events().isEmpty()) {
                    // 3.1.5: once approved, the contact gets the user's current presence at once.
                    List<Effect> more = new ArrayList<>(outcome.effects());
                    e.sessions.values().forEach(l -> {
                        if (l.available() && l.lastPresence() != null) {
                            more.add(new Effect.Route(l.lastPresence().withAttr("to", contact)));
                        }
                    });
                    outcome = new RosterDecider.Outcome(outcome.events(), more);
                }
                return apply(s, c.resource(), outcome, c.replyTo());
            }
            if (type == null || "unavailable".equals(type)) {
                // 4.6: directed presence, remembered so that going offline reaches this contact too.
                e.sessions.put(c.resource(), live.withDirected(to, type == null));
                e.route.accept(presence);
            } else if ("error".equals(type)) {
                e.route.accept(presence);
            }
            return e.done(c.replyTo()); // a probe from a client is not for it to send (4.3)
        }
        if (type != null && !type.equals("unavailable")) {
            return e.done(c.replyTo());
        }
        boolean available = type == null;
        boolean initial = available && !live.available();
        int priority = available ? Presences.priority(presence) : 0;
        e.sessions.put(c.resource(), live.withPresence(available, priority, presence));
        e.broadcastToOwnResources(presence, c.resource());
        e.pep.onPresence(s, e.jid + "/" + c.resource(), presence).forEach(e.route);
        PresenceRules.broadcast(s.roster(), presence, live.directed()).forEach(p -> e.routePresence(s, p));
        if (!available) {
            lastUnavailable = presence.withAttr("from", e.jid.toString() + "/" + c.resource());
        }
        if (initial) {
            // 4.2.2: probe the contacts the user is subscribed to; 3.1.3: unanswered requests again;
            // 4.2.2 also: the new resource learns of the user's other available resources.
            PresenceRules.probes(s.roster(), e.jid).forEach(p -> e.routePresence(s, p));
            PresenceRules.pendingRequests(s.roster(), e.jid).forEach(live::tell);
            e.sessions.forEach((resource, other) -> {
                if (!resource.equals(c.resource()) && other.available() && other.lastPresence() != null) {
                    live.tell(other.lastPresence().withAttr("to", e.jid + "/" + c.resource()));
                }
            });
        }
        if (available && priority >= 0 && !s.offline().isEmpty()) {
            // XEP-0160 and RFC 6121 8.5.2.1.1: the queue goes out with the first available presence
            // of non-negative priority, also when a session that was negative raises its priority.
            List<UserState.OfflineMessage> pending = s.offline();
            List<String> ids = pending.stream().map(UserState.OfflineMessage::stanzaId).toList();
            return e.effects().persist(new OfflineDelivered(ids, Instant.now()))
                    .thenRun(st -> {
                        for (UserState.OfflineMessage m : pending) {
                            live.tell(Offline.withDelay(m, e.jid.domain()));
                        }
                    })
                    .thenReply(c.replyTo(), st -> Done.getInstance());
        }
        if (!available && live.available() && !e.anyAvailable()) {
            // XEP-0012 section 4: the account's last available resource went offline.
            return e.effects().persist(e.lastLogout(presence)).thenReply(c.replyTo(), st -> Done.getInstance());
        }
        return e.done(c.replyTo());
    }

    /** Whether an incoming stanza is presence this class handles: subscriptions and probes. */
    static boolean handlesInbound(Element stanza) {
        String type = Stanzas.type(stanza);
        return "probe".equals(type) || Subscription.Type.of(type).isPresent();
    }

    /** A subscription stanza or probe from a contact (3.1.3, 3.2.3, 3.3.3, 4.3.2). */
    ReplyEffect<UserEvent, UserState> onInbound(UserState s, Element stanza, ActorRef<Done> replyTo) {
        Optional<Jid> from = Jid.tryParse(Stanzas.from(stanza));
        if (from.isEmpty() || !s.exists()) {
            return e.done(replyTo);
        }
        String contact = from.get().bare().toString();
        String type = Stanzas.type(stanza);
        if ("probe".equals(type)) {
            List<Element> available = new ArrayList<>();
            e.sessions.values().forEach(l -> {
                if (l.available() && l.lastPresence() != null) {
                    available.add(l.lastPresence());
                }
            });
            PresenceRules.answerProbe(s.roster(), contact, available, lastUnavailable, e.jid).forEach(e.route);
            return e.done(replyTo);
        }
        Subscription.Type sub = Subscription.Type.of(type).orElseThrow();
        return apply(s, null, RosterDecider.inbound(s.roster(), e.jid, contact, sub, stanza, Instant.now()), replyTo);
    }

    /**
     * An IQ from one of the user's sessions, addressed to the account or to no one (RFC 6120
     * 10.3.3): the roster here, anything else to the server's own handlers.
     */
    ReplyEffect<UserEvent, UserState> onAccountIq(UserState s, UserEntity.AccountIq c) {
        Element iq = c.iq();
        String type = Stanzas.type(iq);
        LiveSession live = e.sessions.get(c.resource());
        if (live == null) {
            return e.done(c.replyTo());
        }
        if (e.pep.isCapsAnswer(iq)) {
            e.pep.onCapsAnswer(s, iq).forEach(e.route);
            return e.done(c.replyTo());
        }
        Optional<Element> payload = iq.firstChild();
        if (payload.isPresent() && payload.get().is("query", RosterQuery.NAMESPACE)) {
            return apply(s, c.resource(), RosterDecider.onIq(s.roster(), e.jid, iq, payload.get(), Instant.now()),
                    c.replyTo());
        }
        AccountFeature feature = payload.map(p -> e.accountFeatures.get(p.namespace())).orElse(null);
        if (feature != null && ("get".equals(type) || "set".equals(type))) {
            return applyAccount(s, feature, iq, payload.get(), c.replyTo());
        }
        if (Stanzas.to(iq) == null) {
            e.serverIq.apply(iq).ifPresent(live::tell);
        } else if ("get".equals(type) || "set".equals(type)) {
            live.tell(Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
        }
        return e.done(c.replyTo());
    }

    /** An IQ get or set from someone else to this account's bare JID, answered by an account feature. */
    boolean isAccountIqFromOthers(Element iq) {
        String type = Stanzas.type(iq);
        Optional<Jid> to = Jid.tryParse(Stanzas.to(iq));
        return ("get".equals(type) || "set".equals(type)) && to.isPresent() && !to.get().isFull()
                && iq.firstChild().map(p -> e.accountFeatures.containsKey(p.namespace())).orElse(false);
    }

    ReplyEffect<UserEvent, UserState> onAccountIqFromOthers(UserState s, Element iq, ActorRef<Done> replyTo) {
        Element payload = iq.firstChild().orElseThrow();
        return applyAccount(s, e.accountFeatures.get(payload.namespace()), iq, payload, replyTo);
    }

    private ReplyEffect<UserEvent, UserState> applyAccount(UserState s, AccountFeature feature, Element iq,
                                                           Element payload, ActorRef<Done> replyTo) {
        Optional<Jid> from = Jid.tryParse(Stanzas.from(iq));
        if (from.isEmpty()) {
            return e.done(replyTo);
        }
        AccountOutcome outcome = feature.handleIq(s, new AccountRequest(e.jid, from.get(), iq, payload, Instant.now(),
                e.anyAvailable(), e.journalSeqNr()));
        Jid asker = from.get();
        if (outcome.events().isEmpty()) {
            sendAccount(s, outcome.effects(), asker);
            return e.done(replyTo);
        }
        return e.effects().persist(outcome.events())
                .thenRun(st -> {
                    e.fanout.logRegistrations(outcome.events());
                    sendAccount(st, outcome.effects(), asker);
                    if (!st.blocklist().equals(s.blocklist())) {
                        blocklistChanged(s, st);
                    }
                })
                .thenReply(replyTo, st -> Done.getInstance());
    }

    /** XEP-0191 3.3, 3.4: presence taken back from newly blocked contacts, shown again to unblocked ones. */
    private void blocklistChanged(UserState before, UserState after) {
        List<Element> available = new ArrayList<>();
        Set<String> directed = new LinkedHashSet<>();
        e.sessions.values().forEach(l -> {
            if (l.available() && l.lastPresence() != null) {
                available.add(l.lastPresence());
            }
            directed.addAll(l.directed());
        });
        BlockingRules.presenceOnChange(before.blocklist(), after.blocklist(), after.roster(), e.jid, available, directed)
                .forEach(e.route);
    }

    private void sendAccount(UserState st, List<AccountOutcome.Effect> effects, Jid asker) {
        for (AccountOutcome.Effect effect : effects) {
            if (effect instanceof AccountOutcome.Effect.Reply r) {
                LiveSession own = asker.bare().equals(e.jid) ? e.sessions.get(asker.resource()) : null;
                if (own != null) {
                    own.tell(r.stanza());
                } else {
                    e.route.accept(r.stanza());
                }
            } else if (effect instanceof AccountOutcome.Effect.Route r) {
                e.route.accept(r.stanza());
            } else if (effect instanceof AccountOutcome.Effect.ToOwnSessions t) {
                e.sessions.forEach((resource, l) -> l.tell(t.stanza().withAttr("to", e.jid + "/" + resource)));
            } else if (effect instanceof AccountOutcome.Effect.Interested i) {
                LiveSession own = asker.bare().equals(e.jid) ? e.sessions.get(asker.resource()) : null;
                if (own != null) {
                    e.sessions.put(asker.resource(), own.interestedIn(i.topic()));
                }
            } else if (effect instanceof AccountOutcome.Effect.NotInterested n) {
                LiveSession own = asker.bare().equals(e.jid) ? e.sessions.get(asker.resource()) : null;
                if (own != null) {
                    e.sessions.put(asker.resource(), own.notInterestedIn(n.topic()));
                }
            } else if (effect instanceof AccountOutcome.Effect.Notify n) {
                e.pep.notify(st, n).forEach(e.route);
            } else if (effect instanceof AccountOutcome.Effect.Later l) {
                // Captured now: the callback runs on another thread and must not touch the entity.
                LiveSession own = asker.bare().equals(e.jid) ? e.sessions.get(asker.resource()) : null;
                java.util.function.Consumer<Element> send = own != null ? own::tell : e.route;
                l.stanzas().thenAccept(stanzas -> stanzas.forEach(send));
            } else if (effect instanceof AccountOutcome.Effect.ToInterestedSessions t) {
                e.sessions.forEach((resource, l) -> {
                    if (l.topics().contains(t.topic())) {
                        l.tell(t.stanza().withAttr("to", e.jid + "/" + resource));
                    }
                });
            }
        }
    }

    private ReplyEffect<UserEvent, UserState> apply(UserState s, String requester, RosterDecider.Outcome outcome,
                                                    ActorRef<Done> replyTo) {
        for (Effect effect : outcome.effects()) {
            if (effect instanceof Effect.Interested && requester != null) {
                LiveSession live = e.sessions.get(requester);
                if (live != null) {
                    e.sessions.put(requester, live.interestedInRoster());
                }
            }
        }
        if (outcome.events().isEmpty()) {
            send(outcome.effects(), requester);
            return e.done(replyTo);
        }
        return e.effects().persist(outcome.events())
                .thenRun(st -> send(outcome.effects(), requester))
                .thenReply(replyTo, st -> Done.getInstance());
    }

    private void send(List<Effect> effects, String requester) {
        LiveSession asker = requester == null ? null : e.sessions.get(requester);
        for (Effect effect : effects) {
            if (effect instanceof Effect.Reply r && asker != null) {
                asker.tell(r.stanza());
            } else if (effect instanceof Effect.PushToRequester p && asker != null) {
                asker.tell(push(p.item().toElement(), p.version(), requester));
            } else if (effect instanceof Effect.Push p) {
                for (Map.Entry<String, LiveSession> entry : e.sessions.entrySet()) {
                    if (entry.getValue().interested()) {
                        entry.getValue().tell(push(p.item().toElement(), p.version(), entry.getKey()));
                    }
                }
            } else if (effect instanceof Effect.Route r) {
                e.route.accept(r.stanza());
            } else if (effect instanceof Effect.DeliverToUser d) {
                e.sessions.values().forEach(l -> {
                    if (l.available()) {
                        l.tell(d.stanza());
                    }
                });
            }
        }
    }

    /** A roster push (RFC 6121 2.1.6): an IQ set from the account itself, so without 'from'. */
    private Element push(Element item, String version, String resource) {
        return Element.builder("iq", Namespaces.CLIENT)
                .attr("type", "set")
                .attr("id", "push-" + pushes.incrementAndGet())
                .attr("to", e.jid + "/" + resource)
                .child(Element.builder("query", RosterQuery.NAMESPACE).attr("ver", version).child(item).build())
                .build();
    }
}
