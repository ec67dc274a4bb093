package im.hearth.actors.c2s;

import im.hearth.actors.feature.register.InBandRegistration;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.xml.Element;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * IQs answered off the actor and written when ready: in-band registration (XEP-0077, which closes
 * the stream after an account's removal) and admin commands (XEP-0050); the stream is read on once
 * the answer is out.
 */
final class LaterAnswers {
    private final Session s;

    LaterAnswers(Session session) {
        this.s = session;
    }

    /** Sends the answer when it is ready (the reading of the stream waits until then). */
    void answerLater(Element iq, java.util.concurrent.CompletionStage<InBandRegistration.Answer> answer) {
        s.context.pipeToSelf(answer, (a, error) -> {
            if (error != null) {
                Session.log.error("c2s connection {} ({}): answering an IQ failed", s.id, s.who(), error);
                return new Session.IqAnswered(im.hearth.protocol.stanza.Stanzas.errorReply(iq,
                        im.hearth.protocol.stanza.StanzaError.of(
                                im.hearth.protocol.stanza.StanzaErrorCondition.INTERNAL_SERVER_ERROR)), false);
            }
            return new Session.IqAnswered(a.reply(), a.closeStream());
        });
    }

    Effect<SessionEvent, SessionState> onIqAnswered(Session.IqAnswered a) {
        if (s.closed) {
            return s.effects().none();
        }
        if (a.reply() != null) {
            s.sendStanza(a.reply());
        }
        if (a.closeStream()) {
            // XEP-0077 3.2: after the removal's result, the stream ends.
            return s.fail(new StreamError(StreamErrorCondition.NOT_AUTHORIZED, "the account was removed"));
        }
        s.removing = false; // a removal that failed: the account still exists
        s.wire.resume();
        return s.effects().none();
    }
}
