package im.hearth.protocol.sasl;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash functions of the SCRAM family (RFC 5802 §2.2, RFC 7677) with H, HMAC and Hi. */
public enum ScramAlgorithm {
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", 20),
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", 32);

    private final String mechanismName;
    private final String digestName;
    private final String macName;
    private final int digestLength;

    ScramAlgorithm(String mechanismName, String digestName, String macName, int digestLength) {
        this.mechanismName = mechanismName;
        this.digestName = digestName;
        this.macName = macName;
        this.digestLength = digestLength;
    }

    /** The SASL mechanism name without channel binding, e.g. {@code SCRAM-SHA-256}. */
    public String mechanismName() {
        return mechanismName;
    }

    /** The SASL mechanism name with channel binding, e.g. {@code SCRAM-SHA-256-PLUS}. */
    public String plusName() {
        return mechanismName + "-PLUS";
    }

    /** The output length of H and HMAC in bytes. */
    public int digestLength() {
        return digestLength;
    }

    /** The algorithm whose {@link #mechanismName()} or {@link #plusName()} is {@code name}. */
    public static Optional<ScramAlgorithm> byMechanismName(String name) {
        for (ScramAlgorithm a : values()) {
            if (a.mechanismName.equals(name) || a.plusName().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** H(data). */
    public byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance(digestName).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digestName + " is a mandatory JDK algorithm", e);
        }
    }

    /** HMAC(key, data). */
    public byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    /** Hi(password, salt, i) of RFC 5802 §2.2: PBKDF2 with HMAC as the PRF, one block. */
    public byte[] hi(byte[] password, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iteration count must be positive: " + iterations);
        }
        Mac mac = mac(password);
        mac.update(salt);
        byte[] u = mac.doFinal(ByteBuffer.allocate(4).putInt(1).array());
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(macName);
            // SecretKeySpec refuses an empty key; HMAC pads it with zeros anyway (RFC 2104 §2).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, macName));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macName + " is a mandatory JDK algorithm", e);
        }
    }
}
