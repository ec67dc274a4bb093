package im.hearth.protocol.sasl;

import java.util.Objects;
import java.util.Optional;

/**
 * The shape both server mechanisms share: an optional initial response (RFC 6120 6.4.2: without
 * one, an empty challenge asks for it), the client's first message, a pause while the caller
 * looks up the credential, then (SCRAM only) the client's final message. Subclasses fill in the
 * steps; this class keeps the order and answers responses that come out of turn.
 */
abstract class ExchangeSteps implements ServerMechanism {

    enum State { NEW, AWAIT_FIRST, AWAIT_CREDENTIAL, AWAIT_FINAL, DONE }

    State state = State.NEW;

    /** The client's first message; ends by asking for the credential, or failing. */
    abstract SaslStep first(byte[] message);

    /** The credential the caller looked up (empty for an unknown user). */
    abstract SaslStep credentialArrived(Optional<ScramCredential> credential);

    /** The client's final message, for mechanisms that have one. */
    SaslStep last(byte[] message) {
        throw new IllegalStateException(name() + " has no final message");
    }

    @Override
    public final SaslStep start(byte[] initialResponseOrNull) {
        if (state != State.NEW) {
            throw new IllegalStateException("already started");
        }
        if (initialResponseOrNull == null) {
            state = State.AWAIT_FIRST;
            return new SaslStep.Challenge(new byte[0]);
        }
        return first(initialResponseOrNull);
    }

    @Override
    public final SaslStep respond(byte[] response) {
        Objects.requireNonNull(response, "response");
        return switch (state) {
            case NEW -> throw new IllegalStateException("not started");
            case AWAIT_FIRST -> first(response);
            case AWAIT_FINAL -> last(response);
            // A response while the lookup runs, or after the end, is the client's error.
            case AWAIT_CREDENTIAL, DONE -> fail(SaslFailure.MALFORMED_REQUEST, "unexpected response");
        };
    }

    @Override
    public final SaslStep credential(Optional<ScramCredential> credentialForThisAlgorithm) {
        if (state == State.DONE) {
            return fail(SaslFailure.MALFORMED_REQUEST, "exchange already finished");
        }
        if (state != State.AWAIT_CREDENTIAL) {
            throw new IllegalStateException("no credential was asked for");
        }
        return credentialArrived(credentialForThisAlgorithm);
    }

    SaslStep.Failure fail(SaslFailure failure, String text) {
        state = State.DONE;
        return new SaslStep.Failure(failure, text);
    }
}
