package im.hearth.actors.c2s;

import im.hearth.persistence.event.session.SessionClosed;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.protocol.feature.sm.SmNonza;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * The new stream's side of a resumption (XEP-0198 section 5): {@code <resume previd h/>} after
 * authentication and before binding. The id names the old session (found on this node or
 * recovered from its journal by {@link ResumableSessions}); that session checks the account and
 * the secret and takes the connection over, or this stream answers {@code <failed/>} and may bind.
 * If that session stops without answering (its recovery failed, say), the stream answers
 * {@code <failed/>} at once rather than after the ask's timeout.
 */
final class Resumption {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(15);

    record TakeOverAnswered(Hibernation.TakeOverResult result) implements Session.Command {
    }

    /** The session asked to take over stopped; if it has not answered, it never will. */
    record AskedSessionStopped(ActorRef<Session.Command> session) implements Session.Command {
    }

    private final Session s;
    /** The session asked to take this connection over, until it answers; null when not resuming. */
    private ActorRef<Session.Command> asked;

    Resumption(Session session) {
        this.s = session;
    }

    boolean resuming() {
        return asked != null;
    }

    Effect<SessionEvent, SessionState> resume(SmNonza.Resume r) {
        if (s.boundJid != null || s.sm.enabled) {
            return s.sm.failed("unexpected-request", null);
        }
        int dot = r.previd().lastIndexOf('.');
        Optional<ActorRef<Session.Command>> old = dot <= 0 ? Optional.empty()
                : s.services.resumable().find(r.previd().substring(0, dot), s.context.getSystem(), s.services);
        if (old.isEmpty() || old.get().equals(s.context.getSelf())) {
            Session.log.info("c2s resumption refused for {} from {}: unknown id", s.user, s.remoteAddress);
            return s.sm.failed("item-not-found", null);
        }
        asked = old.get();
        s.context.watchWith(asked, new AskedSessionStopped(asked));
        String key = r.previd().substring(dot + 1);
        s.context.ask(Hibernation.TakeOverResult.class, old.get(), ASK_TIMEOUT,
                replyTo -> new Hibernation.TakeOver(s.user.toString(), key, r.h(), s.wire, s.remoteAddress, s.tls, replyTo),
                (result, error) -> new TakeOverAnswered(error != null ? new Hibernation.TakeOverResult.Refused(null) : result));
        return s.effects().none();
    }

    Effect<SessionEvent, SessionState> onAskedSessionStopped(AskedSessionStopped stopped) {
        if (!stopped.session().equals(asked)) {
            return s.effects().none();
        }
        Session.log.info("c2s resumption refused for {} from {}: the session stopped without answering", s.user,
                s.remoteAddress);
        return onAnswered(new TakeOverAnswered(new Hibernation.TakeOverResult.Refused(null)));
    }

    Effect<SessionEvent, SessionState> onAnswered(TakeOverAnswered a) {
        if (asked == null) {
            return s.effects().none(); // answered already: the asked session stopped first
        }
        s.context.unwatch(asked);
        asked = null;
        if (s.closed) {
            return s.effects().none();
        }
        if (a.result() instanceof Hibernation.TakeOverResult.Accepted ok) {
            // The connection now belongs to the resumed session: this one just ends.
            s.closed = true;
            s.wire = null;
            Session.log.info("c2s connection {} from {} resumed session {} of {}", s.id, s.remoteAddress, ok.sessionId(),
                    s.user);
            return s.effects().persist(new SessionClosed("resumed session " + ok.sessionId(), Instant.now())).thenStop();
        }
        if (a.result() instanceof Hibernation.TakeOverResult.Invalid invalid) {
            return s.fail(invalid.error());
        }
        return s.sm.failed("item-not-found", ((Hibernation.TakeOverResult.Refused) a.result()).h());
    }
}
