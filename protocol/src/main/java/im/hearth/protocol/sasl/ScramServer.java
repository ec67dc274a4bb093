package im.hearth.protocol.sasl;

import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.jid.JidFormatException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server side of SCRAM-SHA-1/-256 and their -PLUS variants (RFC 5802 §5, RFC 7677):
 * client-first → {@link SaslStep.NeedCredential} → server-first challenge → client-final →
 * success with server-final. Channel binding is {@code tls-server-end-point} (RFC 5929 §4.1).
 */
final class ScramServer extends ExchangeSteps {

    static final String TLS_SERVER_END_POINT = "tls-server-end-point";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Keys the fake salt of unknown users, so that asking twice for the same user gives the
     * same salt (RFC 5802 §9 suggests this to hide which users exist). It changes at restart;
     * a stable configured secret would hide existence across restarts too.
     */
    private static final byte[] FAKE_SALT_KEY = randomBytes(32);

    private final ScramAlgorithm algorithm;
    private final boolean plus;
    private final SaslContext context;
    private final Supplier<String> serverNonces;

    private String gs2Header;
    private boolean channelBound;
    private String clientFirstBare;
    private String clientNonce;
    private String username;
    private String nonce;
    private String serverFirst;
    private byte[] storedKey;
    private byte[] serverKey;
    private boolean knownUser;

    ScramServer(ScramAlgorithm algorithm, boolean plus, SaslContext context) {
        this(algorithm, plus, context, () -> Wire.base64(randomBytes(18)));
    }

    /** With a given source of server nonces: the test hook for the RFC test vectors. */
    ScramServer(ScramAlgorithm algorithm, boolean plus, SaslContext context, Supplier<String> serverNonces) {
        this.algorithm = Objects.requireNonNull(algorithm);
        this.plus = plus;
        this.context = Objects.requireNonNull(context);
        this.serverNonces = Objects.requireNonNull(serverNonces);
        if (plus && context.tlsServerEndPoint() == null) {
            throw new IllegalArgumentException(name() + " needs tls-server-end-point data");
        }
    }

    @Override
    public String name() {
        return plus ? algorithm.plusName() : algorithm.mechanismName();
    }

    @Override
    public ScramAlgorithm credentialAlgorithm() {
        return algorithm;
    }

    @Override
    SaslStep first(byte[] message) {
        return clientFirst(message);
    }

    @Override
    SaslStep last(byte[] message) {
        return clientFinal(message);
    }

    @Override
    SaslStep credentialArrived(Optional<ScramCredential> credentialForThisAlgorithm) {
        String salt;
        int iterations;
        if (credentialForThisAlgorithm.isPresent()) {
            ScramCredential c = credentialForThisAlgorithm.get();
            if (c.algorithm() != algorithm) {
                throw new IllegalArgumentException("credential for " + c.algorithm() + " given to " + name());
            }
            salt = c.salt();
            iterations = c.iterations();
            storedKey = c.storedKeyBytes();
            serverKey = c.serverKeyBytes();
            knownUser = true;
        } else {
            // An unknown user gets a plausible, stable salt and fails at the proof, exactly
            // like a wrong password (RFC 5802 §9).
            byte[] id = Wire.utf8(algorithm.name() + '\0' + context.domain() + '\0' + username);
            salt = Wire.base64(Arrays.copyOf(ScramAlgorithm.SHA_256.hmac(FAKE_SALT_KEY, id), ScramCredential.SALT_BYTES));
            iterations = ScramCredential.DEFAULT_ITERATIONS;
            storedKey = randomBytes(algorithm.digestLength());
            serverKey = randomBytes(algorithm.digestLength());
            knownUser = false;
        }
        String serverNonce = serverNonces.get();
        if (!Wire.isNonce(serverNonce)) {
            throw new IllegalStateException("server nonce is not printable: " + serverNonce);
        }
        nonce = clientNonce + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + salt + ",i=" + iterations;
        state = State.AWAIT_FINAL;
        return new SaslStep.Challenge(Wire.utf8(serverFirst));
    }

    private SaslStep clientFirst(byte[] data) {
        Optional<String> text = Wire.utf8(data);
        if (text.isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "not UTF-8");
        }
        String message = text.get();
        // gs2-header = gs2-cbind-flag "," [ authzid ] ","
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            return fail(SaslFailure.MALFORMED_REQUEST, "missing GS2 header");
        }
        String flag = message.substring(0, first);
        String authzidField = message.substring(first + 1, second);
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);

        String authzid = null;
        if (!authzidField.isEmpty()) {
            Optional<String> decoded = authzidField.startsWith("a=")
                    ? Wire.saslname(authzidField.substring(2)) : Optional.empty();
            if (decoded.isEmpty()) {
                return fail(SaslFailure.MALFORMED_REQUEST, "bad authzid");
            }
            authzid = decoded.get();
        }

        String[] fields = clientFirstBare.split(",", -1);
        if (fields.length < 2 || fields[0].startsWith("m=")) {
            // m= is reserved for mandatory extensions; we know none, so we must fail (§5.1).
            return fail(SaslFailure.MALFORMED_REQUEST, fields[0].startsWith("m=")
                    ? "unsupported mandatory extension" : "missing username or nonce");
        }
        Optional<String> name = fields[0].startsWith("n=") ? Wire.saslname(fields[0].substring(2)) : Optional.empty();
        if (name.isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "bad username");
        }
        if (!fields[1].startsWith("r=") || !Wire.isNonce(fields[1].substring(2))) {
            return fail(SaslFailure.MALFORMED_REQUEST, "bad nonce");
        }
        for (int i = 2; i < fields.length; i++) {
            if (!Wire.isExtension(fields[i])) {
                return fail(SaslFailure.MALFORMED_REQUEST, "bad extension");
            }
        }
        clientNonce = fields[1].substring(2);

        SaslStep.Failure bindingFailure = checkChannelBindingFlag(flag);
        if (bindingFailure != null) {
            return bindingFailure;
        }
        try {
            username = Jid.prepareLocal(name.get());
        } catch (JidFormatException e) {
            // No such account can exist; say so as for any wrong credentials.
            return fail(SaslFailure.NOT_AUTHORIZED, "authentication failed");
        }
        if (authzid != null && !context.isOwnBareJid(authzid, username)) {
            return fail(SaslFailure.INVALID_AUTHZID, "authzid must be the account's bare JID");
        }
        state = State.AWAIT_CREDENTIAL;
        return new SaslStep.NeedCredential(username);
    }

    /** The GS2 channel-binding flag rules of RFC 5802 §6, or null when the flag is acceptable. */
    private SaslStep.Failure checkChannelBindingFlag(String flag) {
        if (flag.startsWith("p=")) {
            if (!Wire.isCbName(flag.substring(2))) {
                return fail(SaslFailure.MALFORMED_REQUEST, "bad channel-binding name");
            }
            if (!plus) {
                return fail(SaslFailure.MALFORMED_REQUEST, "channel binding needs " + algorithm.plusName());
            }
            if (!flag.substring(2).equals(TLS_SERVER_END_POINT)) {
                return fail(SaslFailure.MALFORMED_REQUEST, "unsupported channel-binding type " + flag.substring(2));
            }
            channelBound = true;
            return null;
        }
        if (!flag.equals("n") && !flag.equals("y")) {
            return fail(SaslFailure.MALFORMED_REQUEST, "bad GS2 channel-binding flag");
        }
        if (plus) {
            return fail(SaslFailure.MALFORMED_REQUEST, name() + " requires channel binding");
        }
        if (flag.equals("y") && context.plusAdvertised()) {
            // The client could bind but thinks we cannot: someone removed -PLUS from our offer.
            return fail(SaslFailure.NOT_AUTHORIZED, "channel binding was offered (downgrade attack?)");
        }
        return null;
    }

    private SaslStep clientFinal(byte[] data) {
        Optional<String> text = Wire.utf8(data);
        if (text.isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "not UTF-8");
        }
        String message = text.get();
        String[] fields = message.split(",", -1);
        if (fields.length < 3 || !fields[0].startsWith("c=") || !fields[1].startsWith("r=")
                || !fields[fields.length - 1].startsWith("p=")) {
            return fail(SaslFailure.MALFORMED_REQUEST, "expected c=, r=, ..., p=");
        }
        for (int i = 2; i < fields.length - 1; i++) {
            if (!Wire.isExtension(fields[i])) {
                return fail(SaslFailure.MALFORMED_REQUEST, "bad extension");
            }
        }
        Optional<byte[]> binding = Wire.base64(fields[0].substring(2));
        Optional<byte[]> proof = Wire.base64(fields[fields.length - 1].substring(2));
        if (binding.isEmpty() || proof.isEmpty()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "bad base64");
        }
        if (proof.get().length != algorithm.digestLength()) {
            return fail(SaslFailure.MALFORMED_REQUEST, "proof has the wrong length");
        }
        byte[] expectedBinding = Wire.utf8(gs2Header);
        if (channelBound) {
            expectedBinding = Wire.concat(expectedBinding, context.tlsServerEndPoint());
        }
        if (!MessageDigest.isEqual(expectedBinding, binding.get())) {
            return fail(SaslFailure.NOT_AUTHORIZED, "channel binding does not match");
        }
        if (!fields[1].substring(2).equals(nonce)) {
            return fail(SaslFailure.NOT_AUTHORIZED, "nonce does not match");
        }
        String withoutProof = message.substring(0, message.length() - fields[fields.length - 1].length() - 1);
        byte[] authMessage = Wire.utf8(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] clientKey = Wire.xor(proof.get(), algorithm.hmac(storedKey, authMessage));
        boolean proven = MessageDigest.isEqual(algorithm.hash(clientKey), storedKey);
        if (!proven || !knownUser) {
            return fail(SaslFailure.NOT_AUTHORIZED, "authentication failed");
        }
        byte[] serverSignature = algorithm.hmac(serverKey, authMessage);
        state = State.DONE;
        return new SaslStep.Success(username, Wire.utf8("v=" + Wire.base64(serverSignature)));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
