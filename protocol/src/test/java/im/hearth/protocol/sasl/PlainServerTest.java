package im.hearth.protocol.sasl;

import static im.hearth.protocol.sasl.Exchanges.assertFailure;
import static im.hearth.protocol.sasl.Exchanges.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainServerTest {

    private static final SaslContext TLS = new SaslContext("example.com", true, null, false);
    private static final ScramCredential USER = ScramCredential.create(ScramAlgorithm.SHA_256, "pencil");

    private static ServerMechanism plain() {
        return SaslMechanisms.create("PLAIN", TLS).orElseThrow();
    }

    private static SaslStep run(String message, Optional<ScramCredential> credential) {
        ServerMechanism server = plain();
        SaslStep step = server.start(bytes(message));
        return step instanceof SaslStep.NeedCredential ? server.credential(credential) : step;
    }

    @Test
    void authenticatesWithTheRightPassword() {
        ServerMechanism server = plain();
        assertEquals(new SaslStep.NeedCredential("user"), server.start(bytes("\0User\0pencil")));
        SaslStep.Success success = assertInstanceOf(SaslStep.Success.class, server.credential(Optional.of(USER)));
        assertEquals("user", success.username());
        assertNull(success.additionalData());
        assertEquals(ScramAlgorithm.SHA_256, server.credentialAlgorithm());
    }

    @Test
    void verifiesAgainstASha1CredentialToo() {
        ScramCredential sha1 = ScramCredential.create(ScramAlgorithm.SHA_1, "pencil");
        assertInstanceOf(SaslStep.Success.class, run("\0user\0pencil", Optional.of(sha1)));
    }

    @Test
    void rejectsAWrongPasswordAndAnUnknownUserAlike() {
        SaslStep wrong = run("\0user\0pencil2", Optional.of(USER));
        SaslStep unknown = run("\0nobody\0pencil", Optional.empty());
        assertFailure(SaslFailure.NOT_AUTHORIZED, wrong);
        assertEquals(wrong, unknown);
    }

    @Test
    void asksForTheMessageWithAnEmptyChallenge() {
        ServerMechanism server = plain();
        assertArrayEquals(new byte[0], assertInstanceOf(SaslStep.Challenge.class, server.start(null)).data());
        assertEquals(new SaslStep.NeedCredential("user"), server.respond(bytes("\0user\0pencil")));
        assertInstanceOf(SaslStep.Success.class, server.credential(Optional.of(USER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "user\0pencil", "userpencil", "\0user\0pencil\0", "\0\0pencil", "\0user\0", "\0\0",
        "a\0b\0c\0d"})
    void rejectsMalformedMessages(String message) {
        assertFailure(SaslFailure.MALFORMED_REQUEST, run(message, Optional.of(USER)));
    }

    @Test
    void rejectsInvalidUtf8AndOverlongPasswords() {
        assertFailure(SaslFailure.MALFORMED_REQUEST, plain().start(new byte[] {0, 'u', 0, (byte) 0xFF}));
        assertFailure(SaslFailure.MALFORMED_REQUEST, run("\0user\0" + "p".repeat(1025), Optional.of(USER)));
    }

    @Test
    void rejectsAPasswordThatCannotBePrepared() {
        assertFailure(SaslFailure.NOT_AUTHORIZED, run("\0user\0pen\u0007cil", Optional.of(USER)));
    }

    @Test
    void acceptsTheOwnBareJidAsAuthzid() {
        assertInstanceOf(SaslStep.Success.class, run("user@example.com\0user\0pencil", Optional.of(USER)));
    }

    @Test
    void rejectsAnyOtherAuthzid() {
        assertFailure(SaslFailure.INVALID_AUTHZID, run("admin@example.com\0user\0pencil", Optional.of(USER)));
        assertFailure(SaslFailure.INVALID_AUTHZID, run("user@example.com/r\0user\0pencil", Optional.of(USER)));
    }

    @Test
    void rejectsUsernamesThatCannotBeALocalpart() {
        assertFailure(SaslFailure.NOT_AUTHORIZED, run("\0us er\0pencil", Optional.of(USER)));
    }

    @Test
    void failsEveryCallAfterTheEnd() {
        ServerMechanism server = plain();
        server.start(bytes("\0user\0pencil"));
        assertTrue(server.credential(Optional.of(USER)) instanceof SaslStep.Success);
        assertFailure(SaslFailure.MALFORMED_REQUEST, server.respond(bytes("\0user\0pencil")));
    }
}
