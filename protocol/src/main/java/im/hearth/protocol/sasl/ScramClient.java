package im.hearth.protocol.sasl;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The client side of SCRAM (RFC 5802 §5), for the load generator and tests: {@link
 * #clientFirst()}, then {@link #clientFinal(byte[])} with the server-first message, then
 * {@link #verifyServerFinal(byte[])}. Configure with the {@code with*} methods before
 * {@code clientFirst()}. Not thread-safe.
 */
public final class ScramClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramAlgorithm algorithm;
    private final String username;
    private final String password;
    private final byte[] channelBinding;
    private String authzid;
    private String clientNonce;
    private boolean bindingSupported;

    private String gs2Header;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    /** Without channel binding (GS2 flag 'n'). */
    public ScramClient(ScramAlgorithm algorithm, String username, String password) {
        this(algorithm, username, password, null);
    }

    /**
     * With {@code tls-server-end-point} channel binding (the -PLUS mechanism) when {@code
     * tlsServerEndPoint} is not null, as from {@link SaslMechanisms#tlsServerEndPoint}.
     */
    public ScramClient(ScramAlgorithm algorithm, String username, String password, byte[] tlsServerEndPoint) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.channelBinding = tlsServerEndPoint == null ? null : tlsServerEndPoint.clone();
    }

    /** The mechanism to select in {@code <auth/>}. */
    public String mechanismName() {
        return channelBinding != null ? algorithm.plusName() : algorithm.mechanismName();
    }

    /** Sends this authorization identity (a=) in the GS2 header. */
    public ScramClient withAuthzid(String authzid) {
        checkNotStarted();
        this.authzid = authzid;
        return this;
    }

    /** Uses this client nonce instead of a random one (for test vectors). */
    public ScramClient withNonce(String clientNonce) {
        checkNotStarted();
        if (!Wire.isNonce(clientNonce)) {
            throw new IllegalArgumentException("nonce must be printable ASCII without ','");
        }
        this.clientNonce = clientNonce;
        return this;
    }

    /**
     * Sends GS2 flag 'y' when not binding: "I could bind, but I think you cannot" (RFC 5802 §6).
     */
    public ScramClient withChannelBindingSupported() {
        checkNotStarted();
        this.bindingSupported = true;
        return this;
    }

    /** The client-first message, the initial response of {@code <auth/>}. */
    public byte[] clientFirst() {
        checkNotStarted();
        if (clientNonce == null) {
            byte[] random = new byte[18];
            RANDOM.nextBytes(random);
            clientNonce = Wire.base64(random);
        }
        String flag = channelBinding != null ? "p=" + ScramServer.TLS_SERVER_END_POINT : bindingSupported ? "y" : "n";
        gs2Header = flag + "," + (authzid == null ? "" : "a=" + Wire.encodeSaslname(authzid)) + ",";
        clientFirstBare = "n=" + Wire.encodeSaslname(username) + ",r=" + clientNonce;
        return Wire.utf8(gs2Header + clientFirstBare);
    }

    /**
     * The client-final message answering {@code serverFirst}. Runs Hi(): CPU-heavy.
     *
     * @throws IllegalArgumentException when the server-first message is malformed, its nonce
     *     does not extend ours, or the password cannot be prepared
     */
    public byte[] clientFinal(byte[] serverFirst) {
        if (clientFirstBare == null || expectedServerSignature != null) {
            throw new IllegalStateException("clientFinal comes once, after clientFirst");
        }
        String message = Wire.utf8(serverFirst).orElseThrow(() -> bad("server-first is not UTF-8"));
        String[] fields = message.split(",", -1);
        if (fields.length < 3 || !fields[0].startsWith("r=") || !fields[1].startsWith("s=")
                || !fields[2].startsWith("i=")) {
            throw bad("server-first must be r=,s=,i=: " + message);
        }
        String nonce = fields[0].substring(2);
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length() || !Wire.isNonce(nonce)) {
            throw bad("server nonce does not extend the client nonce");
        }
        byte[] salt = Wire.base64(fields[1].substring(2)).orElseThrow(() -> bad("salt is not base64"));
        int iterations;
        try {
            iterations = Integer.parseInt(fields[2].substring(2));
        } catch (NumberFormatException e) {
            throw bad("iteration count is not a number");
        }
        if (iterations < 1 || salt.length == 0) {
            throw bad("iteration count or salt out of range");
        }
        byte[] cbindInput = Wire.utf8(gs2Header);
        if (channelBinding != null) {
            cbindInput = Wire.concat(cbindInput, channelBinding);
        }
        String withoutProof = "c=" + Wire.base64(cbindInput) + ",r=" + nonce;
        byte[] authMessage = Wire.utf8(clientFirstBare + "," + message + "," + withoutProof);

        byte[] salted = ScramCredential.saltedPassword(algorithm, password, salt, iterations);
        byte[] clientKey = algorithm.hmac(salted, Wire.utf8("Client Key"));
        byte[] storedKey = algorithm.hash(clientKey);
        byte[] proof = Wire.xor(clientKey, algorithm.hmac(storedKey, authMessage));
        byte[] serverKey = algorithm.hmac(salted, Wire.utf8("Server Key"));
        expectedServerSignature = algorithm.hmac(serverKey, authMessage);
        return Wire.utf8(withoutProof + ",p=" + Wire.base64(proof));
    }

    /** True when the server-final message proves the server knew our credential. */
    public boolean verifyServerFinal(byte[] serverFinal) {
        if (expectedServerSignature == null) {
            throw new IllegalStateException("verifyServerFinal comes after clientFinal");
        }
        Optional<byte[]> signature = Wire.utf8(serverFinal)
                .map(m -> m.split(",", -1)[0])
                .filter(v -> v.startsWith("v="))
                .flatMap(v -> Wire.base64(v.substring(2)));
        return signature.isPresent() && MessageDigest.isEqual(signature.get(), expectedServerSignature);
    }

    private void checkNotStarted() {
        if (clientFirstBare != null) {
            throw new IllegalStateException("already started");
        }
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }
}
