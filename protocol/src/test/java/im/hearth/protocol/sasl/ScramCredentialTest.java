package im.hearth.protocol.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScramCredentialTest {

    @Test
    void createsWithARandomSaltAndTheDefaultIterations() {
        ScramCredential a = ScramCredential.create(ScramAlgorithm.SHA_256, "pencil");
        ScramCredential b = ScramCredential.create(ScramAlgorithm.SHA_256, "pencil");
        assertTrue(a.saltBytes().length >= 16);
        assertEquals(4096, a.iterations());
        assertTrue(ScramCredential.DEFAULT_ITERATIONS >= 4096);
        assertNotEquals(a.salt(), b.salt());
        assertNotEquals(a.storedKey(), b.storedKey());
        assertEquals(32, a.storedKeyBytes().length);
        assertEquals(20, ScramCredential.create(ScramAlgorithm.SHA_1, "pencil").serverKeyBytes().length);
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        ScramCredential c = ScramCredential.create(ScramAlgorithm.SHA_1, "pencil");
        assertTrue(c.verifyPassword("pencil"));
        assertFalse(c.verifyPassword("Pencil"));
        assertFalse(c.verifyPassword(""));
        assertFalse(c.verifyPassword(null));
    }

    @Test
    void derivesDeterministicallyFromSaltAndIterations() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramCredential a = ScramCredential.derive(ScramAlgorithm.SHA_256, "pencil", salt, 4096);
        assertEquals(a, ScramCredential.derive(ScramAlgorithm.SHA_256, "pencil", salt, 4096));
        assertNotEquals(a, ScramCredential.derive(ScramAlgorithm.SHA_256, "pencil", salt, 4097));
        assertEquals("W22ZaJ0SNY7soEsUEjb6gQ==", a.salt());
    }

    @Test
    void preparesThePasswordWithOpaqueString() {
        ScramCredential c = ScramCredential.create(ScramAlgorithm.SHA_256, "correct horse");
        assertTrue(c.verifyPassword("correct\u2003horse")); // EM SPACE maps to SPACE (RFC 8265 §4.2.1)
        assertThrows(IllegalArgumentException.class, () -> ScramCredential.create(ScramAlgorithm.SHA_256, ""));
        assertThrows(IllegalArgumentException.class, () -> ScramCredential.create(ScramAlgorithm.SHA_256, "a\u0000b"));
    }

    @Test
    void neverShowsKeysInToString() {
        ScramCredential c = ScramCredential.create(ScramAlgorithm.SHA_256, "pencil");
        assertFalse(c.toString().contains(c.storedKey()));
        assertFalse(c.toString().contains(c.serverKey()));
    }

    @Test
    void rejectsInconsistentFields() {
        ScramCredential c = ScramCredential.create(ScramAlgorithm.SHA_256, "pencil");
        assertThrows(IllegalArgumentException.class,
                () -> new ScramCredential(ScramAlgorithm.SHA_1, c.salt(), 4096, c.storedKey(), c.serverKey()));
        assertThrows(IllegalArgumentException.class,
                () -> new ScramCredential(ScramAlgorithm.SHA_256, c.salt(), 0, c.storedKey(), c.serverKey()));
        assertThrows(IllegalArgumentException.class,
                () -> new ScramCredential(ScramAlgorithm.SHA_256, "!!", 4096, c.storedKey(), c.serverKey()));
    }

    @Test
    void namesTheMechanisms() {
        assertEquals("SCRAM-SHA-1", ScramAlgorithm.SHA_1.mechanismName());
        assertEquals("SCRAM-SHA-256-PLUS", ScramAlgorithm.SHA_256.plusName());
        assertEquals(Optional.of(ScramAlgorithm.SHA_1), ScramAlgorithm.byMechanismName("SCRAM-SHA-1-PLUS"));
        assertEquals(Optional.empty(), ScramAlgorithm.byMechanismName("SCRAM-SHA-512"));
    }

    @Test
    void namesTheFailureElementsOfRfc6120() {
        StringBuilder names = new StringBuilder();
        for (SaslFailure f : SaslFailure.values()) {
            names.append(f.elementName()).append(' ');
        }
        assertEquals("aborted account-disabled credentials-expired encryption-required incorrect-encoding "
                + "invalid-authzid invalid-mechanism malformed-request mechanism-too-weak not-authorized "
                + "temporary-auth-failure ", names.toString());
    }
}
