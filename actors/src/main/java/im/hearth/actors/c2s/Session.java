package im.hearth.actors.c2s;

import im.hearth.actors.feature.register.InBandRegistration;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.actors.user.UserEntity;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.persistence.event.session.SessionHibernated;
import im.hearth.persistence.event.session.SessionOpened;
import im.hearth.actors.feature.csi.ClientStateFeature;
import im.hearth.actors.feature.sm.StreamManagementFeature;
import im.hearth.protocol.feature.csi.ClientStateNonza;
import im.hearth.protocol.feature.sm.SmNonza;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.FullJid;
import im.hearth.protocol.sasl.SaslStep;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stream.StreamEvent;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Instant;
import java.util.UUID;
import javax.net.ssl.SSLSession;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.Recovery;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client stream (RFC 6120), a persistent actor on the node that holds the socket. Its journal
 * records the stream's life: opened (address), authenticated, bound (full JID), closed (reason),
 * and what stream management needs to resume it (XEP-0198: enabled, hibernated, resumed).
 * The negotiation is a state machine, one handler per step: stream header and STARTTLS
 * ({@link Opening}), SASL ({@link SaslExchange}), resource binding, then stanzas
 * ({@link Established}), with acks ({@link StreamManagement}), hibernation and resumption
 * ({@link Hibernation}, {@link Resumption}) and client state indication ({@link ClientState}).
 */
public final class Session extends EventSourcedBehavior<Session.Command, SessionEvent, SessionState> {
    static final int SEND_WINDOW = 64;
    static final Logger log = LoggerFactory.getLogger(Session.class);

    public interface Command {
    }

    /** The connection is ready; from now on the session talks to it through the wire. */
    public record Attached(Wire wire) implements Command {
    }

    public record FromClient(StreamEvent event) implements Command {
    }

    public record ParseFailed(StreamError error) implements Command {
    }

    public record TlsUp(SSLSession session) implements Command {
    }

    /** The connection is gone; {@code wire} says which (null: the current one). */
    public record Disconnected(String reason, Wire wire) implements Command {
        public Disconnected(String reason) {
            this(reason, null);
        }
    }

    /** The node shuts down: a resumable session saves its state (XEP-0198) before it stops. */
    public record Shutdown(ActorRef<org.apache.pekko.Done> replyTo) implements Command {
    }

    record FromServer(SessionMessage message) implements Command {
    }

    record Continue(Runnable step) implements Command {
    }

    record SaslStepped(SaslStep step) implements Command {
    }

    record Authenticated(String username, String mechanism, byte[] additionalData) implements Command {
    }

    /** The answer to an IQ handled off the actor (registration); the stream closes after it if asked. */
    record IqAnswered(Element reply, boolean closeStream) implements Command {
    }

    record BindResolved(UserEntity.BindResult result, Element iq) implements Command {
    }

    enum AuthTimeout implements Command { INSTANCE }

    final ActorContext<Command> context;
    final TimerScheduler<Command> timers;
    final SessionServices services;
    final String id;
    String remoteAddress;
    final String remoteHost;
    final String listener;
    final ActorRef<SessionMessage> inbox;
    final SaslExchange sasl;
    final Established established;
    final Keepalive keepalive;
    final StreamManagement sm;
    final Hibernation hibernation;
    final Resumption resumption;
    final ClientState clientState;
    /** The client's messages that may wait for the account's journal at once, before reading pauses. */
    final SendWindow sendWindow = new SendWindow(SEND_WINDOW);
    final Opening opening;
    final LaterAnswers later;
    private final boolean recovering;

    Wire wire;
    boolean tls;
    boolean headerSent;
    String domain;
    BareJid user;
    FullJid boundJid;
    boolean closed;
    boolean removing;

    public static Behavior<Command> create(SessionServices services, String remoteAddress, String remoteHost,
                                           String listener, boolean directTls) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new Session(ctx, timers, services, UUID.randomUUID().toString(), remoteAddress, remoteHost, listener,
                        false)));
    }

    /** A session brought back from its journal to be resumed (XEP-0198): after a restart, or from another node. */
    static Behavior<Command> recover(SessionServices services, String id) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
                new Session(ctx, timers, services, id, "(recovered)", "(recovered)", "(recovered)", true)));
    }

    private Session(ActorContext<Command> context, TimerScheduler<Command> timers, SessionServices services,
                    String id, String remoteAddress, String remoteHost, String listener, boolean recovering) {
        super(PersistenceId.of("Session", id, "|"));
        this.context = context;
        this.timers = timers;
        this.services = services;
        this.id = id;
        this.remoteAddress = remoteAddress;
        this.remoteHost = remoteHost;
        this.listener = listener;
        this.inbox = context.messageAdapter(SessionMessage.class, FromServer::new);
        this.sasl = new SaslExchange(this);
        this.established = new Established(this);
        this.keepalive = new Keepalive(this);
        this.sm = new StreamManagement(this);
        this.hibernation = new Hibernation(this);
        this.resumption = new Resumption(this);
        this.clientState = new ClientState(this);
        this.opening = new Opening(this);
        this.later = new LaterAnswers(this);
        this.recovering = recovering;
        if (!recovering) {
            timers.startSingleTimer(AuthTimeout.INSTANCE, services.settings().c2s().authTimeout());
        }
    }

    @Override
    public SessionState emptyState() {
        return new SessionState(SessionState.Phase.NEW, null, null, null, 0, null);
    }

    /**
     * A session never saves a snapshot, so its recovery (every new connection's, and a resumed
     * one's) replays its events without first asking the snapshot store: one database query
     * fewer per login.
     */
    @Override
    public Recovery recovery() {
        return Recovery.withSnapshotSelectionCriteria(SnapshotSelectionCriteria.none());
    }

    @Override
    public java.util.Set<String> tagsFor(SessionEvent event) {
        return event instanceof SessionHibernated ? java.util.Set.of(SessionHibernated.TAG) : java.util.Set.of();
    }

    @Override
    public EventHandler<SessionState, SessionEvent> eventHandler() {
        return SessionState::apply;
    }

    @Override
    public SignalHandler<SessionState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), st -> {
                    if (recovering) {
                        hibernation.onRecovered(st);
                    }
                })
                .onSignal(PostStop.instance(), s -> {
                    if (wire != null && !closed) {
                        wire.close(null); // stopped by a fault (a failed journal write): never leave the socket behind
                    }
                    services.resumable().remove(id, context.getSelf());
                })
                .build();
    }

    /**
     * One handler per session, dispatching on the command's type, most frequent first. Pekko's
     * handler builder kept some 2 KB of case objects per connection and walked them with a class
     * check per case on every command.
     */
    @Override
    public CommandHandler<Command, SessionEvent, SessionState> commandHandler() {
        return (s, command) -> onCommand(command);
    }

    private Effect<SessionEvent, SessionState> onCommand(Command command) {
        if (command instanceof FromServer c) {
            return established.onServer(c.message());
        } else if (command instanceof FromClient c) {
            return onClient(c.event());
        } else if (command instanceof StreamManagement.Journaled c) {
            return sm.onJournaled(c);
        } else if (command instanceof StreamManagement.RequestAck) {
            return sm.onRequestAck();
        } else if (command instanceof Continue c) {
            c.step().run();
            return Effect().none();
        } else if (command instanceof IqAnswered c) {
            return later.onIqAnswered(c);
        } else if (command instanceof Keepalive.Tick c) {
            return keepalive.onTick(c);
        } else if (command instanceof Attached c) {
            return onAttached(c);
        } else if (command instanceof TlsUp) {
            tls = true;
            return Effect().none();
        } else if (command instanceof SaslStepped c) {
            return sasl.onStep(c.step());
        } else if (command instanceof Authenticated c) {
            return sasl.onAuthenticated(c);
        } else if (command instanceof BindResolved c) {
            return established.onBindResolved(c);
        } else if (command instanceof AuthTimeout) {
            return boundJid != null ? Effect().none()
                    : fail(new StreamError(StreamErrorCondition.CONNECTION_TIMEOUT, "authentication took too long"));
        } else if (command instanceof ParseFailed c) {
            return fail(c.error());
        } else if (command instanceof Disconnected c) {
            return c.wire() != null && c.wire() != wire ? Effect().none() : hibernation.onConnectionLost(c.reason());
        } else if (command instanceof StreamManagement.Overflow) {
            return closed ? Effect().none()
                    : fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, "too many unacknowledged stanzas"));
        } else if (command instanceof Hibernation.TakeOver c) {
            return hibernation.onTakeOver(c);
        } else if (command instanceof Resumption.TakeOverAnswered c) {
            return resumption.onAnswered(c);
        } else if (command instanceof Resumption.AskedSessionStopped c) {
            return resumption.onAskedSessionStopped(c);
        } else if (command instanceof Hibernation.Rebound c) {
            return hibernation.onRebound(c);
        } else if (command instanceof Hibernation.Timer c) {
            return hibernation.onTimer(c);
        } else if (command instanceof Hibernation.OfflineStored) {
            return hibernation.onOfflineStored();
        } else if (command instanceof Shutdown c) {
            return hibernation.onShutdown(c);
        } else if (command instanceof Hibernation.Stop) {
            return Effect().stop();
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private Effect<SessionEvent, SessionState> onAttached(Attached c) {
        this.wire = c.wire();
        log.info("c2s connection {} opened from {} on {}", id, remoteAddress, listener);
        return Effect().persist(new SessionOpened(remoteAddress, listener, Instant.now()));
    }

    private Effect<SessionEvent, SessionState> onClient(StreamEvent event) {
        if (closed) {
            return Effect().none();
        }
        keepalive.onTraffic();
        if (event instanceof StreamEvent.Open open) {
            return opening.onHeader(open);
        } else if (event instanceof StreamEvent.Close) {
            return close(null, "client closed the stream");
        }
        Element e = ((StreamEvent.Child) event).element();
        if (e.is("starttls", Namespaces.TLS)) {
            return opening.onStartTls();
        } else if (Namespaces.SASL.equals(e.namespace())) {
            return sasl.onElement(e);
        } else if (user != null && SmNonza.NAMESPACE.equals(e.namespace())
                && services.features().enabled(StreamManagementFeature.NAME)) {
            return sm.onElement(e);
        } else if (boundJid != null && ClientStateNonza.NAMESPACE.equals(e.namespace())
                && services.features().enabled(ClientStateFeature.NAME)) {
            return clientState.onElement(e);
        } else if (boundJid != null || user != null) {
            return established.onElement(e);
        } else if (InBandRegistration.isRegisterIq(e) && services.registration() != null
                && (tls || !services.settings().c2s().requireEncryption())) {
            // XEP-0077 3.1: registration happens before authentication (but after TLS).
            later.answerLater(e, services.registration().beforeAuth(e, domain, remoteHost)
                    .thenApply(reply -> new InBandRegistration.Answer(reply, false)));
            return Effect().none();
        } else if (im.hearth.protocol.stanza.Stanzas.isStanza(e)) {
            // RFC 6120 4.9.3.12: stanzas before authentication.
            return fail(new StreamError(StreamErrorCondition.NOT_AUTHORIZED, "authenticate first"));
        }
        return fail(new StreamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null));
    }

    /** The effect factories, for the step handlers that live in their own classes. */
    org.apache.pekko.persistence.typed.javadsl.EffectFactories<SessionEvent, SessionState> effects() {
        return Effect();
    }

    /** Writes a nonza or stream-level XML; nothing while the session has no connection (hibernated). */
    void send(String xml) {
        if (wire != null) {
            wire.send(xml);
        }
    }

    /** Writes a stanza: held back while the client is inactive (XEP-0352), counted for acks (XEP-0198). */
    void sendStanza(Element stanza) {
        clientState.offer(stanza).forEach(sm::write);
    }


    /** Closes the stream with a stream error (RFC 6120 4.9.1): our header first if none was sent. */
    Effect<SessionEvent, SessionState> fail(StreamError error) {
        log.info("c2s connection {} from {} ({}): stream error {}{}", id, remoteAddress, who(),
                error.condition().elementName(), error.text() == null ? "" : " (" + error.text() + ")");
        return close(error, error.condition().elementName());
    }

    /** Ends the stream: writes the error (if any) and the closing tag, records the reason, stops. */
    Effect<SessionEvent, SessionState> close(StreamError error, String reason) {
        if (closed) {
            return Effect().none();
        }
        closed = true;
        StringBuilder last = new StringBuilder();
        if (!headerSent && error != null) {
            last.append(Negotiation.header(domain != null ? domain : services.settings().defaultHost(),
                    UUID.randomUUID().toString()));
        }
        if (error != null) {
            last.append(error.toXml());
        }
        if (headerSent || error != null) {
            last.append("</stream:stream>");
        }
        if (wire != null) {
            wire.close(last.toString());
            wire = null;
        }
        established.unbind();
        return hibernation.finish(reason);
    }

    String who() {
        return boundJid != null ? boundJid.toString() : user != null ? user.toString() : "unauthenticated";
    }
}
