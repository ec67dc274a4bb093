package im.hearth.actors.c2s;

import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stream.StreamEvent;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/** The opening of a stream (RFC 6120 section 4.3: header and features) and STARTTLS (section 5). */
final class Opening {
    private final Session s;

    Opening(Session session) {
        this.s = session;
    }

    Effect<SessionEvent, SessionState> onHeader(StreamEvent.Open open) {
        String to = open.header().to();
        String requested = to == null ? null : im.hearth.protocol.jid.Jid.tryParse(to)
                .filter(j -> j.local() == null && j.resource() == null).map(j -> j.domain()).orElse(null);
        boolean hosted = requested != null && s.services.settings().hosts(requested)
                && (s.user == null || requested.equals(s.user.domain()));
        s.domain = requested != null && hosted ? requested : s.services.settings().defaultHost();
        var problem = Negotiation.check(open.header(), hosted);
        if (problem.isPresent()) {
            return s.fail(problem.get());
        }
        s.send(Negotiation.header(s.domain, UUID.randomUUID().toString()));
        s.headerSent = true;
        s.send(Negotiation.features(s.tls, s.services.settings().c2s().requireEncryption(),
                s.sasl.offered(), s.user != null, s.services.features().streamFeatures(),
                s.services.registration() != null && s.services.registration().open()
                        ? List.of(s.services.registration().streamFeature()) : List.of()));
        s.wire.resume();
        return s.effects().none();
    }

    Effect<SessionEvent, SessionState> onStartTls() {
        if (s.tls || s.user != null) {
            return s.fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, "TLS is already negotiated"));
        }
        s.send("<proceed xmlns='" + Namespaces.TLS + "'/>");
        s.headerSent = false;
        s.wire.startTls();
        return s.effects().none();
    }
}
