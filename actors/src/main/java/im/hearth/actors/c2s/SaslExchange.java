package im.hearth.actors.c2s;

import im.hearth.actors.auth.Credentials;
import im.hearth.actors.user.UserEntity;
import im.hearth.persistence.event.session.SessionAuthenticated;
import im.hearth.persistence.event.session.SessionEvent;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.sasl.SaslContext;
import im.hearth.protocol.sasl.SaslFailure;
import im.hearth.protocol.sasl.SaslMechanisms;
import im.hearth.protocol.sasl.SaslStep;
import im.hearth.protocol.sasl.ServerMechanism;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.xml.Element;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.persistence.typed.javadsl.Effect;

/**
 * The SASL step of a client stream (RFC 6120 section 6): mechanism choice, challenges, the
 * credential lookup in the user's entity, and the outcome. Failures are counted per stream
 * (closed after {@code max-auth-attempts}) and per address ({@link im.hearth.actors.auth.LoginThrottle}),
 * and logged with the JID and the address.
 */
final class SaslExchange {
    private final Session s;
    private ServerMechanism mechanism;
    private String mechanismName;
    private String username;
    private int failures;

    SaslExchange(Session session) {
        this.s = session;
    }

    private SaslContext context() {
        byte[] cb = s.tls ? s.services.tlsServerEndPoint() : null;
        return new SaslContext(s.domain, s.tls, cb, cb != null);
    }

    List<String> offered() {
        return SaslMechanisms.offered(context());
    }

    Effect<SessionEvent, SessionState> onElement(Element e) {
        if (s.user != null) {
            return s.fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, "already authenticated"));
        }
        switch (e.name()) {
            case "auth" -> {
                Duration wait = s.services.throttle().delayFor(s.remoteHost);
                if (!wait.isZero()) {
                    // Repeated failures from this address: look at the attempt only after a pause.
                    s.context.scheduleOnce(wait, s.context.getSelf(), new Session.Continue(() -> start(e)));
                } else {
                    start(e);
                }
            }
            case "response" -> {
                if (mechanism == null) {
                    failure(SaslFailure.MALFORMED_REQUEST, "no exchange in progress");
                } else {
                    decode(e).ifPresent(bytes -> s.context.getSelf().tell(new Session.SaslStepped(mechanism.respond(bytes))));
                }
            }
            case "abort" -> {
                mechanism = null;
                s.send(Negotiation.saslFailure(SaslFailure.ABORTED.elementName(), null));
                s.wire.resume();
            }
            default -> {
                return s.fail(new StreamError(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, null));
            }
        }
        return s.effects().none();
    }

    private void start(Element auth) {
        if (!s.tls && s.services.settings().c2s().requireEncryption()) {
            failure(SaslFailure.ENCRYPTION_REQUIRED, "use STARTTLS first");
            return;
        }
        String name = auth.attr("mechanism");
        Optional<ServerMechanism> m = name == null ? Optional.empty() : SaslMechanisms.create(name, context());
        if (m.isEmpty()) {
            failure(SaslFailure.INVALID_MECHANISM, null);
            return;
        }
        mechanism = m.get();
        mechanismName = name;
        String text = auth.text().trim();
        if (text.isEmpty()) {
            s.context.getSelf().tell(new Session.SaslStepped(mechanism.start(null)));
        } else {
            decode(auth).ifPresent(bytes -> s.context.getSelf().tell(new Session.SaslStepped(mechanism.start(bytes))));
        }
    }

    /** Base64 content; "=" is an empty response (RFC 6120 6.4.2). */
    private Optional<byte[]> decode(Element e) {
        String text = e.text().trim();
        if (text.equals("=") || text.isEmpty()) {
            return Optional.of(new byte[0]);
        }
        try {
            return Optional.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException ex) {
            failure(SaslFailure.INCORRECT_ENCODING, null);
            return Optional.empty();
        }
    }

    Effect<SessionEvent, SessionState> onStep(SaslStep step) {
        if (s.closed) {
            return s.effects().none();
        }
        if (step instanceof SaslStep.Failure f) {
            return failed(f.failure(), f.text());
        }
        if (mechanism == null) {
            return s.effects().none(); // aborted meanwhile
        }
        if (step instanceof SaslStep.Challenge c) {
            s.send(Negotiation.saslElement("challenge", Base64.getEncoder().encodeToString(c.data())));
            s.wire.resume();
        } else if (step instanceof SaslStep.NeedCredential n) {
            lookUp(n.username());
        } else if (step instanceof SaslStep.Success ok) {
            s.context.getSelf().tell(new Session.Authenticated(ok.username(), mechanismName, ok.additionalData()));
        }
        return s.effects().none();
    }

    private void lookUp(String name) {
        username = name;
        ServerMechanism current = mechanism;
        Optional<BareJid> jid;
        try {
            jid = Optional.of(BareJid.of(name, s.domain));
        } catch (IllegalArgumentException e) {
            jid = Optional.empty();
        }
        CompletableFuture<UserEntity.Credentials> lookup = jid.isEmpty()
                ? CompletableFuture.completedFuture(new UserEntity.Credentials(false, List.of()))
                : s.services.router().user(jid.get().toString())
                        .<UserEntity.Credentials>ask(UserEntity.GetCredentials::new, Duration.ofSeconds(10))
                        .toCompletableFuture();
        // SCRAM's check is cheap, PLAIN's is a PBKDF2 run: both go to the auth dispatcher.
        CompletableFuture<SaslStep> next = lookup.thenApplyAsync(
                creds -> current.credential(Credentials.forAlgorithm(current.credentialAlgorithm(), creds.credentials())),
                s.services.authExecutor());
        s.context.pipeToSelf(next, (step, error) -> new Session.SaslStepped(error != null
                ? new SaslStep.Failure(SaslFailure.TEMPORARY_AUTH_FAILURE, "try again later")
                : step));
    }

    private Effect<SessionEvent, SessionState> failed(SaslFailure failure, String text) {
        mechanism = null;
        failures++;
        if (credentialsRejected(failure)) {
            int fromAddress = s.services.throttle().failed(s.remoteHost);
            Session.log.warn("c2s login failed for {}@{} from {} with {}: {} ({} failures from this address)",
                    username == null ? "?" : username, s.domain, s.remoteAddress, mechanismName, failure.elementName(),
                    fromAddress);
        } else {
            Session.log.info("c2s SASL failure from {}: {}{}", s.remoteAddress, failure.elementName(),
                    text == null ? "" : " (" + text + ")");
        }
        s.send(Negotiation.saslFailure(failure.elementName(), text));
        if (failures >= s.services.settings().c2s().maxAuthAttempts()) {
            return s.fail(new StreamError(StreamErrorCondition.POLICY_VIOLATION, "too many failed authentication attempts"));
        }
        s.wire.resume();
        return s.effects().none();
    }

    /**
     * Only a verdict on credentials is a guess worth throttling; protocol mistakes (SASL before TLS,
     * an unknown mechanism, bad base64, an abort) still count against this stream's attempts, but
     * must not slow down every other login from the same address (a household behind one NAT).
     */
    private static boolean credentialsRejected(SaslFailure failure) {
        return failure == SaslFailure.NOT_AUTHORIZED || failure == SaslFailure.CREDENTIALS_EXPIRED
                || failure == SaslFailure.ACCOUNT_DISABLED;
    }

    private void failure(SaslFailure failure, String text) {
        s.context.getSelf().tell(new Session.SaslStepped(new SaslStep.Failure(failure, text)));
    }

    Effect<SessionEvent, SessionState> onAuthenticated(Session.Authenticated ok) {
        BareJid jid = BareJid.of(ok.username(), s.domain);
        mechanism = null;
        return s.effects().persist(new SessionAuthenticated(jid.toString(), ok.mechanism(), Instant.now()))
                .thenRun(st -> {
                    s.user = jid;
                    s.services.throttle().succeeded(s.remoteHost);
                    Session.log.info("c2s login {} from {} with {}", jid, s.remoteAddress, ok.mechanism());
                    byte[] data = ok.additionalData();
                    s.send(Negotiation.saslElement("success",
                            data == null || data.length == 0 ? null : Base64.getEncoder().encodeToString(data)));
                    s.headerSent = false;
                    s.wire.restartStream();
                });
    }
}
