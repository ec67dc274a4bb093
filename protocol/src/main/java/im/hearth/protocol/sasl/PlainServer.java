package im.hearth.protocol.sasl;

import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.jid.JidFormatException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The server side of PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, checked
 * against the account's SCRAM-SHA-256 credential. Offered over TLS only.
 */
final class PlainServer extends ExchangeSteps {

    static final String NAME = "PLAIN";

    /** RFC 4616 §2 asks to accept at least 255 octets; more than this is not a password. */
    static final int MAX_PASSWORD_BYTES = 1024;

    /** Verified instead when the user is unknown, so that both cases cost one Hi(). */
    private static final ScramCredential NO_SUCH_USER =
            ScramCredential.create(ScramAlgorithm.SHA_256, UUID.randomUUID().toString());

    private final SaslContext context;
    private String username;
    private String password;

    PlainServer(SaslContext context) {
        this.context = Objects.requireNonNull(context);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    SaslStep first(byte[] message) {
        return message(message);
    }

    @Override
    SaslStep credentialArrived(Optional<ScramCredential> credentialForThisAlgorithm) {
        String candidate = password;
        password = null;
        boolean ok = credentialForThisAlgorithm.orElse(NO_SUCH_USER).verifyPassword(candidate)
                && credentialForThisAlgorithm.isPresent();
        if (!ok) {
            return fail(SaslFailure.NOT_AUTHORIZED, "authentication failed");
        }
        state = State.DONE;
        return new SaslStep.Success(username, null);
    }

    private SaslStep message(byte[] data) {
        Optional<String> text = Wire.utf8(data);
        if (text.isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "not UTF-8");
        }
        String[] fields = text.get().split("\0", -1);
        if (fields.length != 3) {
            return fail(SaslFailure.MALFORMED_REQUEST, "expected [authzid] NUL authcid NUL passwd");
        }
        String authzid = fields[0];
        if (fields[1].isEmpty() || fields[2].isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "empty username or password");
        }
        if (Wire.utf8(fields[2]).length > MAX_PASSWORD_BYTES) {
            return fail(SaslFailure.MALFORMED_REQUEST, "password too long");
        }
        try {
            username = Jid.prepareLocal(fields[1]);
        } catch (JidFormatException e) {
            return fail(SaslFailure.NOT_AUTHORIZED, "authentication failed");
        }
        if (!authzid.isEmpty() && !context.isOwnBareJid(authzid, username)) {
            return fail(SaslFailure.INVALID_AUTHZID, "authzid must be the account's bare JID");
        }
        password = fields[2];
        state = State.AWAIT_CREDENTIAL;
        return new SaslStep.NeedCredential(username);
    }

    @Override
    SaslStep.Failure fail(SaslFailure failure, String text) {
        password = null;
        return super.fail(failure, text);
    }
}
