package im.hearth.actors.c2s;

import im.hearth.actors.feature.adhoc.AdHocCommands;
import im.hearth.actors.feature.register.InBandRegistration;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.actors.user.UserEntity;
import im.hearth.persistence.event.session.SessionBound;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.protocol.jid.FullJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaErrorType;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * The stream after authentication: resource binding (RFC 6120 section 7), the legacy session IQ
 * (RFC 3921, answered for old clients), and then every stanza: 'from' stamped or the stream
 * closed with invalid-from (RFC 6120 8.1.2.1), IQs to the server answered by the feature
 * catalogue, everything else handed to the user's entity or the router.
 */
final class Established {
    private final Session s;
    private final PresenceRate presenceRate;
    private boolean initialPresenceSent;

    Established(Session session) {
        this.s = session;
        var c2s = session.services.settings().c2s();
        this.presenceRate = new PresenceRate(c2s.presenceRate(), c2s.presenceBurst(), System.nanoTime());
    }

    Effect<SessionEvent, SessionState> onElement(Element e) {
        if (!Stanzas.isStanza(e)) {
            return s.fail(new StreamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null));
        }
        StanzaKind kind = Stanzas.kind(e);
        // XEP-0198 section 4: every stanza after enabling counts; a message only once journaled.
        long sequence = s.sm.enabled ? s.sm.counters.received() : 0;
        if (kind == StanzaKind.IQ) {
            Optional<Element> bind = e.child("bind", Namespaces.BIND);
            if (bind.isPresent() && "set".equals(Stanzas.type(e))) {
                return bind(e, bind.get());
            }
            if (e.child("session", Namespaces.SESSION).isPresent() && "set".equals(Stanzas.type(e))) {
                reply(Stanzas.iqResult(e, null));
                return resumed();
            }
        }
        if (s.boundJid == null) {
            return s.fail(new StreamError(StreamErrorCondition.NOT_AUTHORIZED, "bind a resource first"));
        }
        String from = Stanzas.from(e);
        if (from != null) {
            Optional<Jid> claimed = Jid.tryParse(from);
            if (claimed.isEmpty() || !(claimed.get().equals(s.boundJid) || claimed.get().equals(s.user))) {
                return s.fail(new StreamError(StreamErrorCondition.INVALID_FROM, "'from' is not this stream's address"));
            }
        }
        Element stamped = e.withAttr("from", s.boundJid.toString());
        String to = Stanzas.to(e);
        Optional<Jid> target = to == null ? Optional.empty() : Jid.tryParse(to);
        if (to != null && target.isEmpty()) {
            bounce(stamped, StanzaErrorCondition.JID_MALFORMED);
            return resumed();
        }
        switch (kind) {
            case MESSAGE -> {
                // RFC 6120 10.3.1: a message without 'to' is for the sender's own account.
                Element addressed = to == null ? stamped.withAttr("to", s.user.toString()) : stamped;
                if (sequence > 0) {
                    // XEP-0198: acknowledged only once in the journal, and at most a window of them waiting.
                    s.sm.counters.awaitsJournal(sequence);
                    s.context.ask(org.apache.pekko.Done.class, userEntity(), Duration.ofSeconds(30),
                            replyTo -> new UserEntity.Send(addressed, replyTo),
                            (done, error) -> new StreamManagement.Journaled(sequence, error == null));
                    if (!s.sendWindow.sent()) {
                        return s.effects().none(); // read on once the entity has caught up (SendWindow)
                    }
                } else {
                    userEntity().tell(new UserEntity.Send(addressed, s.context.getSystem().ignoreRef()));
                }
            }
            // Presence goes through the user's entity, with or without 'to': it keeps the
            // subscriptions (RFC 6121 3) and the directed presence to clean up (4.6).
            case PRESENCE -> {
                if (to != null) {
                    // A flood of directed presence or subscription requests costs every recipient's
                    // entity a journal write or a delivery: limited per session (docs/routing.md).
                    PresenceRate.Verdict verdict = presenceRate.take(System.nanoTime());
                    if (verdict == PresenceRate.Verdict.CLOSE) {
                        return s.fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, "presence flood"));
                    }
                    if (verdict == PresenceRate.Verdict.REFUSE) {
                        if (!"error".equals(Stanzas.type(e))) {
                            reply(Stanzas.errorReply(stamped, new StanzaError(StanzaErrorType.WAIT,
                                    StanzaErrorCondition.POLICY_VIOLATION, "too many presence stanzas, slow down")));
                        }
                        return resumed();
                    }
                }
                userEntity().tell(new UserEntity.UpdatePresence(s.boundJid.resource(), stamped,
                        s.context.getSystem().ignoreRef()));
                if (to == null && (Stanzas.type(e) == null || "unavailable".equals(Stanzas.type(e)))) {
                    // What a resumed session sends again once it is bound anew (XEP-0198, after a restart).
                    s.hibernation.lastPresence = Stanzas.type(e) == null ? stamped : null;
                }
                if (to == null && Stanzas.type(e) == null && !initialPresenceSent) {
                    // RFC 6121 4.2: the first available broadcast is the initial presence (the motd's moment).
                    initialPresenceSent = true;
                    s.services.features().onInitialPresence(s.boundJid).forEach(this::reply);
                }
            }
            case IQ -> {
                if (onIq(stamped, target)) {
                    return s.effects().none();
                }
            }
        }
        return resumed();
    }

    /** @return true when the answer comes later (the stream is read on once it is sent) */
    private boolean onIq(Element iq, Optional<Jid> target) {
        String type = Stanzas.type(iq);
        boolean request = "get".equals(type) || "set".equals(type);
        if (Stanzas.id(iq) == null || !(request || "result".equals(type) || "error".equals(type))) {
            bounce(iq, StanzaErrorCondition.BAD_REQUEST); // RFC 6120 8.2.3
            return false;
        }
        boolean toServer = target.isPresent() && target.get().local() == null && target.get().resource() == null
                && s.services.settings().hosts(target.get().domain());
        boolean toAccount = target.isEmpty() || target.get().equals(s.user);
        if ((toServer || toAccount) && request && InBandRegistration.isRegisterIq(iq) && s.services.registration() != null) {
            // XEP-0077 3.2 and 3.3 (password change, removal): the account's own stream, which
            // closes after a removal; the entity's AccountRemoved is ignored meanwhile.
            s.removing |= iq.elements().get(0).child("remove", iq.elements().get(0).namespace()).isPresent();
            s.later.answerLater(iq, s.services.registration().afterAuth(iq, s.user));
            return true;
        } else if (toServer && request && s.services.adhoc() != null && AdHocCommands.handles(iq)) {
            s.later.answerLater(iq, s.services.adhoc().handle(iq, s.boundJid, target.get().domain())
                    .thenApply(reply -> new InBandRegistration.Answer(reply, false)));
            return true;
        } else if (toServer) {
            s.services.features().handleServerStanza(iq).ifPresent(this::reply);
        } else if (toAccount) {
            // RFC 6120 10.3.3: an IQ without 'to' (or to the bare JID) is handled on the account's
            // behalf: by its entity (the roster), which hands the rest to the server's handlers.
            userEntity().tell(new UserEntity.AccountIq(s.boundJid.resource(), iq, s.context.getSystem().ignoreRef()));
        } else {
            // Through the user's entity, like messages: it refuses IQs to a blocked JID (XEP-0191).
            userEntity().tell(new UserEntity.Send(iq, s.context.getSystem().ignoreRef()));
        }
        return false;
    }

    private Effect<SessionEvent, SessionState> bind(Element iq, Element bind) {
        if (s.boundJid != null) {
            bounce(iq, StanzaErrorCondition.NOT_ALLOWED); // one resource per stream
            return resumed();
        }
        String requested = bind.childText("resource", Namespaces.BIND).map(String::trim).filter(r -> !r.isEmpty()).orElse(null);
        String resource = null;
        if (requested != null) {
            try {
                resource = Jid.prepareResource(requested);
            } catch (IllegalArgumentException ex) {
                bounce(iq, StanzaErrorCondition.BAD_REQUEST);
                return resumed();
            }
        }
        String wanted = resource;
        s.context.ask(UserEntity.BindResult.class, userEntityRefTarget(), Duration.ofSeconds(10),
                replyTo -> new UserEntity.BindResource(wanted, s.inbox, replyTo),
                (result, error) -> new Session.BindResolved(error != null
                        ? new UserEntity.BindResult.Refused("timeout") : result, iq));
        return s.effects().none();
    }

    Effect<SessionEvent, SessionState> onBindResolved(Session.BindResolved r) {
        if (s.closed) {
            return s.effects().none();
        }
        if (r.result() instanceof UserEntity.BindResult.Bound bound) {
            FullJid full = FullJid.of(s.user, bound.resource());
            return s.effects().persist(new SessionBound(full.toString(), Instant.now())).thenRun(st -> {
                s.boundJid = full;
                s.services.online().bound(full.toString(), s.inbox);
                Session.log.info("c2s bound {} from {}", full, s.remoteAddress);
                s.keepalive.onTraffic();
                reply(Stanzas.iqResult(r.iq(), Element.builder("bind", Namespaces.BIND)
                        .textChild("jid", Namespaces.BIND, full.toString()).build()));
                s.wire.resume();
            });
        }
        bounce(r.iq(), StanzaErrorCondition.INTERNAL_SERVER_ERROR);
        return resumed();
    }

    Effect<SessionEvent, SessionState> onServer(SessionMessage message) {
        if (s.closed) {
            if (message instanceof SessionMessage.Stanza st) {
                s.hibernation.straggler(st.stanza());
            }
            return s.effects().none();
        }
        if (message instanceof SessionMessage.Stanza st) {
            s.sendStanza(st.stanza());
            return s.effects().none();
        }
        if (message instanceof SessionMessage.AccountRemoved) {
            if (s.removing) {
                return s.effects().none(); // our own removal: the stream closes once its result is sent
            }
            return s.fail(new StreamError(StreamErrorCondition.NOT_AUTHORIZED, "the account was removed"));
        }
        return s.fail(new StreamError(StreamErrorCondition.CONFLICT, "replaced by a new connection with the same resource"));
    }

    /** Leaves the user's entity when the stream ends. */
    void unbind() {
        if (s.boundJid != null) {
            s.services.online().gone(s.boundJid.toString(), s.inbox);
            userEntity().tell(new UserEntity.Unbind(s.boundJid.resource(), s.inbox, s.context.getSystem().ignoreRef()));
        }
    }

    private org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<UserEntity.Command> userEntity() {
        return s.services.router().user(s.user.toString());
    }

    private org.apache.pekko.actor.typed.RecipientRef<UserEntity.Command> userEntityRefTarget() {
        return userEntity();
    }

    private void reply(Element stanza) {
        s.sendStanza(stanza);
    }

    private void bounce(Element stanza, StanzaErrorCondition condition) {
        if (!"error".equals(Stanzas.type(stanza))) {
            reply(Stanzas.errorReply(stanza, StanzaError.of(condition)));
        }
    }

    private Effect<SessionEvent, SessionState> resumed() {
        s.wire.resume();
        return s.effects().none();
    }
}
