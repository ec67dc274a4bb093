package im.hearth.protocol.sasl;

import java.util.Optional;

/**
 * One server-side authentication exchange (RFC 6120 §6.4, RFC 4422 §5): {@code start} with
 * the {@code <auth/>} payload, {@code respond} with each {@code <response/>} payload, and
 * {@code credential} after a {@link SaslStep.NeedCredential}. Each call returns the next step;
 * after a {@link SaslStep.Success} or {@link SaslStep.Failure} every call fails. Not thread-safe:
 * one exchange, one owner.
 */
public interface ServerMechanism {

    /** The mechanism name as offered, e.g. {@code SCRAM-SHA-256-PLUS}. */
    String name();

    /**
     * Begins the exchange.
     *
     * @param initialResponseOrNull the decoded initial response; null when {@code <auth/>} had
     *     none, an empty array when it was "=" (RFC 6120 §6.4.2)
     */
    SaslStep start(byte[] initialResponseOrNull);

    /** The decoded payload of a {@code <response/>}. */
    SaslStep respond(byte[] response);

    /**
     * The credential of the user named by the last {@link SaslStep.NeedCredential}, for
     * {@link #credentialAlgorithm()}; empty when there is no such account. An unknown user
     * is answered exactly like a wrong password.
     */
    SaslStep credential(Optional<ScramCredential> credentialForThisAlgorithm);

    /** Which of the account's SCRAM credentials {@link #credential} wants. */
    default ScramAlgorithm credentialAlgorithm() {
        return ScramAlgorithm.SHA_256;
    }
}
