package im.hearth.actors.auth;

import im.hearth.persistence.event.user.StoredCredential;
import im.hearth.protocol.sasl.ScramAlgorithm;
import im.hearth.protocol.sasl.ScramCredential;
import java.util.List;
import java.util.Optional;

/**
 * Credentials as the journal stores them (salted SCRAM keys, never the password) and as the SASL
 * mechanisms use them. Every account gets a SCRAM-SHA-1 and a SCRAM-SHA-256 credential, so both
 * mechanisms (and PLAIN, checked against SHA-256) work.
 */
public final class Credentials {

    private Credentials() {
    }

    /** Derives both credentials from a password: two PBKDF2 runs, so call it off the actor threads. */
    public static List<StoredCredential> derive(String password) {
        return List.of(
                toStored(ScramCredential.create(ScramAlgorithm.SHA_256, password)),
                toStored(ScramCredential.create(ScramAlgorithm.SHA_1, password)));
    }

    public static StoredCredential toStored(ScramCredential c) {
        return new StoredCredential(c.algorithm().mechanismName(), c.salt(), c.iterations(), c.storedKey(), c.serverKey());
    }

    /** The stored credential for the algorithm a SASL mechanism asks for. */
    public static Optional<ScramCredential> forAlgorithm(ScramAlgorithm algorithm, List<StoredCredential> stored) {
        return stored.stream()
                .filter(s -> s.mechanism().equals(algorithm.mechanismName()))
                .findFirst()
                .map(s -> new ScramCredential(algorithm, s.salt(), s.iterations(), s.storedKey(), s.serverKey()));
    }
}
