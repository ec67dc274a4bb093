package im.hearth.actors.e2e;

import im.hearth.protocol.sasl.ScramAlgorithm;
import im.hearth.protocol.sasl.ScramClient;
import javax.security.auth.callback.CallbackHandler;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * SCRAM-SHA-256 for Smack. Smack 4.5.0-beta5 ships only SCRAM-SHA-1: its ScramMechanism hashes
 * with SHA-1 whatever HMAC it is given, so it cannot do SHA-256. This plugs Hearth's own
 * {@link ScramClient} (checked against the RFC 7677 test vector) into Smack's SASL machinery, so
 * the rest of the exchange is still Smack's.
 */
final class ScramSha256ForSmack extends SASLMechanism {
    private ScramClient client;
    private boolean serverVerified;
    private boolean finalSent;

    @Override
    protected void authenticateInternal(CallbackHandler cbh) throws SmackSaslException {
        throw new SmackSaslException("a password is required");
    }

    @Override
    protected byte[] getAuthenticationText() {
        client = new ScramClient(ScramAlgorithm.SHA_256, authenticationId, password);
        return client.clientFirst();
    }

    @Override
    protected byte[] evaluateChallenge(byte[] challenge) throws SmackSaslException {
        if (!finalSent) {
            finalSent = true;
            try {
                return client.clientFinal(challenge);
            } catch (IllegalArgumentException e) {
                throw new SmackSaslException(e);
            }
        }
        serverVerified = client.verifyServerFinal(challenge);
        return null;
    }

    @Override
    protected void checkIfSuccessfulOrThrow() throws SmackSaslException {
        if (!serverVerified) {
            throw new SmackSaslException("the server's signature did not verify");
        }
    }

    @Override
    public String getName() {
        return "SCRAM-SHA-256";
    }

    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected SASLMechanism newInstance() {
        return new ScramSha256ForSmack();
    }
}
