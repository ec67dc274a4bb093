package im.hearth.protocol.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * What the server stores for one account and one SCRAM algorithm (RFC 5802 §3): the salt,
 * the iteration count, StoredKey and ServerKey, the binary values in base64. The password
 * itself is never kept.
 */
public record ScramCredential(ScramAlgorithm algorithm, String salt, int iterations, String storedKey,
        String serverKey) {

    /** The iteration count for new credentials (RFC 7677 §4 asks for at least 4096). */
    public static final int DEFAULT_ITERATIONS = 4096;

    /** Salt length of new credentials in bytes. */
    public static final int SALT_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    public ScramCredential {
        Objects.requireNonNull(algorithm, "algorithm");
        if (iterations < 1) {
            throw new IllegalArgumentException("iteration count must be positive: " + iterations);
        }
        if (decode("salt", salt).length == 0) {
            throw new IllegalArgumentException("salt is empty");
        }
        if (decode("storedKey", storedKey).length != algorithm.digestLength()
                || decode("serverKey", serverKey).length != algorithm.digestLength()) {
            throw new IllegalArgumentException("key length does not match " + algorithm);
        }
    }

    /**
     * Derives the credential of {@code password}; the password is prepared with the PRECIS
     * OpaqueString profile first (RFC 7677 §4, RFC 8265 §4.2).
     *
     * @throws IllegalArgumentException if the password is empty or has disallowed characters
     */
    public static ScramCredential derive(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(algorithm, password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        return new ScramCredential(algorithm, b64.encodeToString(salt), iterations,
                b64.encodeToString(storedKey(algorithm, salted)),
                b64.encodeToString(algorithm.hmac(salted, bytes("Server Key"))));
    }

    /** A new credential with a random salt and {@link #DEFAULT_ITERATIONS}. */
    public static ScramCredential create(ScramAlgorithm algorithm, String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(algorithm, password, salt, DEFAULT_ITERATIONS);
    }

    /**
     * True when {@code password} is the one this credential was derived from. Runs Hi, which
     * is CPU-heavy on purpose: keep it off actor threads.
     */
    public boolean verifyPassword(String password) {
        byte[] salted;
        try {
            salted = saltedPassword(algorithm, password, saltBytes(), iterations);
        } catch (IllegalArgumentException e) {
            return false; // a password that cannot be prepared was never set
        }
        return MessageDigest.isEqual(storedKey(algorithm, salted), storedKeyBytes());
    }

    public byte[] saltBytes() {
        return Base64.getDecoder().decode(salt);
    }

    public byte[] storedKeyBytes() {
        return Base64.getDecoder().decode(storedKey);
    }

    public byte[] serverKeyBytes() {
        return Base64.getDecoder().decode(serverKey);
    }

    /** Leaves the keys out: with StoredKey and an observed exchange one can impersonate a user. */
    @Override
    public String toString() {
        return "ScramCredential[" + algorithm + ", salt=" + salt + ", iterations=" + iterations + "]";
    }

    /** SaltedPassword := Hi(Normalize(password), salt, i), Normalize being OpaqueString. */
    static byte[] saltedPassword(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        if (password == null) {
            throw new IllegalArgumentException("password is null");
        }
        String prepared = PrecisProfiles.OPAQUE_STRING.enforce(password);
        return algorithm.hi(bytes(prepared), salt, iterations);
    }

    /** StoredKey := H(HMAC(SaltedPassword, "Client Key")). */
    static byte[] storedKey(ScramAlgorithm algorithm, byte[] saltedPassword) {
        return algorithm.hash(algorithm.hmac(saltedPassword, bytes("Client Key")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String field, String base64) {
        Objects.requireNonNull(base64, field);
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64", e);
        }
    }
}
