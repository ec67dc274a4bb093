package im.hearth.actors.c2s;

import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * Keepalive of a bound session (XEP-0199 section 4.1, server-to-client ping): after
 * {@code hearth.c2s.ping-interval} without anything from the client the server pings it; if
 * nothing at all arrives within {@code hearth.c2s.ping-timeout} (the pong or any other traffic
 * proves the stream alive) the stream is closed with connection-timeout.
 */
final class Keepalive {
    enum Tick implements Session.Command { IDLE, TIMEOUT }

    private final Session s;
    private final Optional<Duration> interval;
    private final Duration timeout;
    private int pings;

    Keepalive(Session session) {
        this.s = session;
        this.interval = session.services.settings().c2s().pingInterval();
        this.timeout = session.services.settings().c2s().pingTimeout();
    }

    /** Something arrived from the client (or the session was just bound): the idle clock restarts. */
    void onTraffic() {
        if (interval.isEmpty() || s.boundJid == null || s.closed) {
            return;
        }
        s.timers.cancel(Tick.TIMEOUT);
        s.timers.startSingleTimer(Tick.IDLE, Tick.IDLE, interval.get());
    }

    Effect<SessionEvent, SessionState> onTick(Tick tick) {
        if (s.closed || s.boundJid == null) {
            return s.effects().none();
        }
        if (tick == Tick.TIMEOUT) {
            if (s.sm.resumable() && s.wire != null) {
                // XEP-0198: a silent connection of a resumable stream is dropped, the stream hibernates.
                s.wire.close(null);
                return s.hibernation.onConnectionLost("no answer to a ping");
            }
            return s.fail(new StreamError(StreamErrorCondition.CONNECTION_TIMEOUT, "no answer to a ping"));
        }
        if (s.wire == null) {
            return s.effects().none(); // hibernating: nobody to ping
        }
        Element ping = Element.builder("iq", Namespaces.CLIENT).attr("from", s.boundJid.domain())
                .attr("to", s.boundJid.toString()).attr("type", "get").attr("id", "keepalive-" + (++pings))
                .child(Element.of("ping", Namespaces.PING)).build();
        s.sendStanza(ping);
        s.timers.startSingleTimer(Tick.TIMEOUT, Tick.TIMEOUT, timeout);
        return s.effects().none();
    }
}
