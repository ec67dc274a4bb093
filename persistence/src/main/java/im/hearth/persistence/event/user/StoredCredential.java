package im.hearth.persistence.event.user;

import java.util.Objects;

/**
 * One SCRAM credential in its stored-key form (RFC 5802 §3): what the server keeps instead of
 * a password. Binary values are standard base64 strings.
 *
 * @param mechanism the SASL mechanism name, {@value #SCRAM_SHA_1} or {@value #SCRAM_SHA_256}
 * @param salt base64 salt
 * @param iterations PBKDF2 iteration count, positive
 * @param storedKey base64 {@code H(ClientKey)}
 * @param serverKey base64 {@code HMAC(SaltedPassword, "Server Key")}
 */
public record StoredCredential(String mechanism, String salt, int iterations, String storedKey, String serverKey) {

  public static final String SCRAM_SHA_1 = "SCRAM-SHA-1";
  public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

  public StoredCredential {
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(storedKey, "storedKey");
    Objects.requireNonNull(serverKey, "serverKey");
    if (iterations <= 0) {
      throw new IllegalArgumentException("iterations must be positive, was " + iterations);
    }
  }

  /** Keeps the keys out of logs: with them a thief can impersonate the server to the user. */
  @Override
  public String toString() {
    return "StoredCredential[mechanism=" + mechanism + ", iterations=" + iterations + ", keys=<hidden>]";
  }
}
