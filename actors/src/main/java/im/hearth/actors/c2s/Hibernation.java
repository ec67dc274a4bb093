package im.hearth.actors.c2s;

import im.hearth.actors.user.UserEntity;
import im.hearth.persistence.event.session.SessionClosed;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.persistence.event.session.SessionHibernated;
import im.hearth.persistence.event.session.SessionResumed;
import im.hearth.protocol.feature.sm.SmNonza;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.FullJid;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * Stream resumption (XEP-0198 section 5) on both sides. A resumable session whose connection is
 * gone hibernates: it stays bound, queues what it is sent, saves its state in its journal and
 * tells the user's entity; a new stream presenting its id and secret (same account only) takes
 * it over, from this node's registry or, after a restart or on another node, by recovering the
 * session from its journal. A session that ends without being resumed hands its unacknowledged
 * archived messages to offline storage first (never lost; the entity skips ids it already holds).
 */
final class Hibernation {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(15);

    /** A new stream asks this session to take over its connection. */
    record TakeOver(String user, String key, long h, Wire wire, String remoteAddress, boolean tls,
                    ActorRef<TakeOverResult> replyTo) implements Session.Command {
    }

    sealed interface TakeOverResult {
        record Accepted(String sessionId) implements TakeOverResult {
        }

        /** Not this account's stream, or no such stream any more: item-not-found (with h when known). */
        record Refused(Long h) implements TakeOverResult {
        }

        record Invalid(StreamError error) implements TakeOverResult {
        }
    }

    record Rebound(UserEntity.BindResult result) implements Session.Command {
    }

    enum Timer implements Session.Command { EXPIRED, RETRY_HANDOVER }

    enum OfflineStored implements Session.Command { INSTANCE }

    /** A recovered session with nothing to resume. */
    enum Stop implements Session.Command { INSTANCE }

    private final Session s;
    private final ActorRef<Done> stored;
    boolean hibernating;
    boolean shuttingDown;
    /** Recovered from the journal: the user's entity does not know this session until it is resumed. */
    private boolean unbound;
    private List<String> handingOver;
    private final List<String> stragglers = new ArrayList<>();
    Element lastPresence;

    Hibernation(Session session) {
        this.s = session;
        this.stored = session.context.messageAdapter(Done.class, d -> OfflineStored.INSTANCE);
    }

    /** The connection is gone: a resumable bound session hibernates, anything else closes. */
    Effect<SessionEvent, SessionState> onConnectionLost(String reason) {
        if (shuttingDown) {
            return s.effects().none();
        }
        if (s.resumption.resuming()) {
            return s.close(null, "connection lost while resuming");
        }
        if (!s.sm.resumable() || s.boundJid == null || s.closed || hibernating) {
            return hibernating ? s.effects().none() : s.close(null, reason);
        }
        s.wire = null;
        s.sendWindow.forgetPause();
        hibernating = true;
        s.clientState.drain().forEach(s.sm::write);
        s.clientState.reset();
        return s.effects().persist(snapshot()).thenRun(st -> {
            s.timers.startSingleTimer(Timer.EXPIRED, Timer.EXPIRED, Duration.ofSeconds(s.sm.maxSeconds));
            userEntity().tell(new UserEntity.SessionHibernated(s.boundJid.resource(), s.inbox, true));
            Session.log.info("c2s session {} of {} hibernated ({}), resumable for {}s with {} unacknowledged",
                    s.id, s.boundJid, reason, s.sm.maxSeconds, s.sm.counters.unackedSize());
        });
    }

    private SessionHibernated snapshot() {
        List<String> unacked = s.sm.counters.unacked().stream().map(XmlWriter::write).toList();
        return new SessionHibernated(s.sm.counters.handled(), s.sm.counters.sentCount(), unacked,
                lastPresence == null ? null : XmlWriter.write(lastPresence), Instant.now());
    }

    // --- The resumed session's side.

    Effect<SessionEvent, SessionState> onTakeOver(TakeOver t) {
        if (s.closed || !s.sm.resumable() || handingOver != null || shuttingDown || s.user == null
                || !t.user().equals(s.user.toString()) || !s.sm.keyMatches(t.key())) {
            Session.log.warn("c2s resumption of session {} refused to {} from {}", s.id, t.user(), t.remoteAddress());
            t.replyTo().tell(new TakeOverResult.Refused(null));
            return s.effects().none();
        }
        StreamError problem = s.sm.check(t.h());
        if (problem != null) {
            t.replyTo().tell(new TakeOverResult.Invalid(problem));
            return s.effects().none();
        }
        if (s.wire != null) {
            s.wire.close(null); // the old connection, if the client noticed its end before we did
        }
        s.wire = t.wire();
        s.sendWindow.forgetPause();
        s.tls = t.tls();
        s.headerSent = true;
        s.remoteAddress = t.remoteAddress();
        ActorRef<Session.Command> self = s.context.getSelf();
        t.wire().handTo(self).whenComplete((done, error) -> {
            if (error != null) {
                self.tell(new Session.Disconnected("connection gone before it was handed over", t.wire()));
            }
        });
        return s.effects().persist(new SessionResumed(t.remoteAddress(), Instant.now())).thenRun(st -> {
            hibernating = false;
            s.timers.cancel(Timer.EXPIRED);
            s.send(SmNonza.resumed(s.id + "." + t.key(), s.sm.counters.handled()));
            s.sm.resend();
            s.clientState.reset(); // XEP-0352: a new connection starts active
            s.clientState.drain().forEach(s.sm::write);
            if (unbound) {
                s.context.ask(UserEntity.BindResult.class, userEntity(), ASK_TIMEOUT,
                        replyTo -> new UserEntity.BindResource(s.boundJid.resource(), s.inbox, replyTo),
                        (result, error) -> new Rebound(error != null ? new UserEntity.BindResult.Refused("timeout") : result));
            } else {
                userEntity().tell(new UserEntity.SessionHibernated(s.boundJid.resource(), s.inbox, false));
            }
            s.keepalive.onTraffic();
            Session.log.info("c2s session {} of {} resumed from {}", s.id, s.boundJid, s.remoteAddress);
            t.replyTo().tell(new TakeOverResult.Accepted(s.id));
            s.wire.resume();
        });
    }

    /** A session recovered from its journal is bound again, and its presence sent again. */
    Effect<SessionEvent, SessionState> onRebound(Rebound r) {
        if (s.closed) {
            return s.effects().none();
        }
        if (!(r.result() instanceof UserEntity.BindResult.Bound)) {
            return s.fail(new StreamError(im.hearth.protocol.stanza.StreamErrorCondition.INTERNAL_SERVER_ERROR,
                    "the resource could not be bound again"));
        }
        unbound = false;
        s.services.online().bound(s.boundJid.toString(), s.inbox);
        if (lastPresence != null) {
            userEntity().tell(new UserEntity.UpdatePresence(s.boundJid.resource(), lastPresence,
                    s.context.getSystem().ignoreRef()));
        }
        return s.effects().none();
    }

    /** After recovery: a session whose journal ends hibernated waits again; any other stops. */
    void onRecovered(SessionState state) {
        SessionHibernated saved = state.hibernated();
        if (state.phase() != SessionState.Phase.HIBERNATED || state.resumeKeyHash() == null || saved == null) {
            s.closed = true;
            s.context.getSelf().tell(Stop.INSTANCE);
            return;
        }
        s.user = BareJid.parse(state.jid());
        s.boundJid = FullJid.parse(state.fullJid());
        s.domain = s.user.domain();
        s.sm.enabled = true;
        s.sm.resumeKeyHash = state.resumeKeyHash();
        s.sm.maxSeconds = state.maxSeconds();
        s.sm.counters.restore(saved.handled(), saved.sent(), saved.unacked().stream().map(XmlReader::parse).toList());
        lastPresence = saved.presence() == null ? null : XmlReader.parse(saved.presence());
        hibernating = true;
        unbound = true;
        Duration left = Duration.between(Instant.now(), saved.at().plusSeconds(state.maxSeconds()));
        s.timers.startSingleTimer(Timer.EXPIRED, Timer.EXPIRED, left.isNegative() ? Duration.ZERO : left);
        Session.log.info("c2s session {} of {} recovered from its journal, resumable for {}s", s.id, s.boundJid,
                Math.max(0, left.toSeconds()));
    }

    Effect<SessionEvent, SessionState> onTimer(Timer timer) {
        if (timer == Timer.RETRY_HANDOVER) {
            if (handingOver != null) {
                userEntity().tell(new UserEntity.StoreUnacked(handingOver, stored));
                s.timers.startSingleTimer(Timer.RETRY_HANDOVER, Timer.RETRY_HANDOVER, ASK_TIMEOUT);
            }
            return s.effects().none();
        }
        return hibernating && !shuttingDown && !s.closed ? s.close(null, "resumption timed out") : s.effects().none();
    }

    /** Node shutdown: save the state (a resumable session keeps its stream open for a resumption after the restart). */
    Effect<SessionEvent, SessionState> onShutdown(Session.Shutdown c) {
        if (!s.sm.resumable() || s.boundJid == null || s.closed || shuttingDown) {
            c.replyTo().tell(Done.getInstance());
            return s.effects().none();
        }
        shuttingDown = true;
        if (s.wire != null) {
            s.wire.close(null); // no closing tag: the client resumes once the node is back
            s.wire = null;
        }
        s.clientState.drain().forEach(s.sm::write);
        return s.effects().persist(snapshot()).thenRun(st -> {
            Session.log.info("c2s session {} of {} saved for resumption after the shutdown", s.id, s.boundJid);
            c.replyTo().tell(Done.getInstance());
        });
    }

    // --- Ending without resumption.

    /**
     * Ends a closed session: its unacknowledged archived messages go to offline storage first
     * (Unbind went to the entity before, so whatever it sent before that arrives here before its
     * answer, and is handed over in a second round).
     */
    Effect<SessionEvent, SessionState> finish(String reason) {
        List<String> unacked = archivedUnacked(s.sm.counters.unacked());
        if (unacked.isEmpty() || shuttingDown || s.user == null) {
            return closed(reason);
        }
        handingOver = unacked;
        closeReason = reason;
        userEntity().tell(new UserEntity.StoreUnacked(unacked, stored));
        s.timers.startSingleTimer(Timer.RETRY_HANDOVER, Timer.RETRY_HANDOVER, ASK_TIMEOUT);
        return s.effects().none();
    }

    private String closeReason;

    /** A stanza that reached the session after it closed: kept for offline storage if it is an archived message. */
    void straggler(Element stanza) {
        if (handingOver != null) {
            stragglers.addAll(archivedUnacked(List.of(stanza)));
        }
    }

    Effect<SessionEvent, SessionState> onOfflineStored() {
        if (handingOver == null) {
            return s.effects().none();
        }
        Session.log.info("c2s session {} of {}: {} unacknowledged messages went to offline storage", s.id, s.who(),
                handingOver.size());
        if (!stragglers.isEmpty()) {
            handingOver = List.copyOf(stragglers);
            stragglers.clear();
            userEntity().tell(new UserEntity.StoreUnacked(handingOver, stored));
            return s.effects().none();
        }
        handingOver = null;
        s.timers.cancel(Timer.RETRY_HANDOVER);
        return closed(closeReason);
    }

    private Effect<SessionEvent, SessionState> closed(String reason) {
        Session.log.info("c2s connection {} closed for {} from {}: {}", s.id, s.who(), s.remoteAddress, reason);
        return s.effects().persist(new SessionClosed(reason, Instant.now())).thenStop();
    }

    private List<String> archivedUnacked(List<Element> stanzas) {
        String account = s.user == null ? "" : s.user.toString();
        return stanzas.stream().filter(e -> e.children("stanza-id", "urn:xmpp:sid:0").stream()
                .anyMatch(id -> account.equals(id.attr("by")))).map(XmlWriter::write).toList();
    }

    private org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef<UserEntity.Command> userEntity() {
        return s.services.router().user(s.user.toString());
    }
}
