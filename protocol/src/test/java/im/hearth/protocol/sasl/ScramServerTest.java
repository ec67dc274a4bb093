package im.hearth.protocol.sasl;

import static im.hearth.protocol.sasl.Exchanges.assertFailure;
import static im.hearth.protocol.sasl.Exchanges.bytes;
import static im.hearth.protocol.sasl.Exchanges.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScramServerTest {

    private static final SaslContext PLAIN_STREAM = new SaslContext("example.com", false, null, false);
    private static final ScramCredential USER_256 = ScramCredential.create(ScramAlgorithm.SHA_256, "pencil");
    private static final ScramCredential USER_1 = ScramCredential.create(ScramAlgorithm.SHA_1, "pencil");

    private static ScramCredential credential(ScramAlgorithm a) {
        return a == ScramAlgorithm.SHA_256 ? USER_256 : USER_1;
    }

    private static ServerMechanism server(ScramAlgorithm a) {
        return SaslMechanisms.create(a.mechanismName(), PLAIN_STREAM).orElseThrow();
    }

    /** RFC 7677 §3, every message byte for byte, on both sides. */
    @Test
    void reproducesTheRfc7677TestVector() {
        checkVector(ScramAlgorithm.SHA_256, "rOprNGfwEbeRWgbNEkqO", "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
                "W22ZaJ0SNY7soEsUEjb6gQ==", "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    /** RFC 5802 §5. */
    @Test
    void reproducesTheRfc5802TestVector() {
        checkVector(ScramAlgorithm.SHA_1, "fyko+d2lbbFgONRv9qkxdawL", "3rfcNHYJY1ZVvWVs7j",
                "QSXCR+Q6sek8bf92", "v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=", "rmF9pqV8S7suAoZWja4dJRkFsKQ=");
    }

    private static void checkVector(ScramAlgorithm a, String clientNonce, String serverNonce, String salt,
            String proof, String verifier) {
        ScramCredential cred = ScramCredential.derive(a, "pencil", Base64.getDecoder().decode(salt), 4096);
        ScramServer server = new ScramServer(a, false, PLAIN_STREAM, () -> serverNonce);
        ScramClient client = new ScramClient(a, "user", "pencil").withNonce(clientNonce);

        byte[] clientFirst = client.clientFirst();
        assertEquals("n,,n=user,r=" + clientNonce, text(clientFirst));
        assertEquals(new SaslStep.NeedCredential("user"), server.start(clientFirst));

        SaslStep.Challenge challenge = assertInstanceOf(SaslStep.Challenge.class, server.credential(Optional.of(cred)));
        String nonce = clientNonce + serverNonce;
        assertEquals("r=" + nonce + ",s=" + salt + ",i=4096", text(challenge.data()));

        byte[] clientFinal = client.clientFinal(challenge.data());
        assertEquals("c=biws,r=" + nonce + ",p=" + proof, text(clientFinal));

        SaslStep.Success success = assertInstanceOf(SaslStep.Success.class, server.respond(clientFinal));
        assertEquals("user", success.username());
        assertEquals("v=" + verifier, text(success.additionalData()));
        assertTrue(client.verifyServerFinal(success.additionalData()));
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void authenticatesWithTheRightPassword(ScramAlgorithm a) {
        SaslStep step = Exchanges.scram(server(a), new ScramClient(a, "user", "pencil"), Optional.of(credential(a)));
        assertEquals("user", assertInstanceOf(SaslStep.Success.class, step).username());
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void rejectsAWrongPassword(ScramAlgorithm a) {
        assertFailure(SaslFailure.NOT_AUTHORIZED,
                Exchanges.scram(server(a), new ScramClient(a, "user", "pen"), Optional.of(credential(a))));
    }

    @Test
    void preparesUsernameAndPassword() {
        ServerMechanism server = server(ScramAlgorithm.SHA_256);
        // Case-mapped username; a no-break space in the password is mapped to a space (OpaqueString).
        ScramCredential cred = ScramCredential.create(ScramAlgorithm.SHA_256, "pen cil");
        SaslStep step = Exchanges.scram(server, new ScramClient(ScramAlgorithm.SHA_256, "USER", "pen\u00A0cil"),
                Optional.of(cred));
        assertEquals("user", assertInstanceOf(SaslStep.Success.class, step).username());
    }

    @Test
    void failsAnUnknownUserOnlyAtTheProof() {
        ServerMechanism server = server(ScramAlgorithm.SHA_256);
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "nobody", "pencil");
        assertEquals(new SaslStep.NeedCredential("nobody"), server.start(client.clientFirst()));
        SaslStep.Challenge challenge = assertInstanceOf(SaslStep.Challenge.class, server.credential(Optional.empty()));
        assertTrue(text(challenge.data()).endsWith(",i=4096"));
        SaslStep last = server.respond(client.clientFinal(challenge.data()));
        assertFailure(SaslFailure.NOT_AUTHORIZED, last);
        SaslStep wrongPassword = Exchanges.scram(server(ScramAlgorithm.SHA_256),
                new ScramClient(ScramAlgorithm.SHA_256, "user", "wrong"), Optional.of(USER_256));
        assertEquals(wrongPassword, last, "unknown user and wrong password look the same");
    }

    @Test
    void givesAnUnknownUserTheSameSaltEveryTime() {
        assertEquals(fakeSalt("nobody"), fakeSalt("nobody"));
        assertEquals(fakeSalt("nobody"), fakeSalt("NoBody"));
        assertNotEquals(fakeSalt("nobody"), fakeSalt("somebody"));
        assertEquals(16, Base64.getDecoder().decode(fakeSalt("nobody")).length);
    }

    private static String fakeSalt(String user) {
        ServerMechanism server = server(ScramAlgorithm.SHA_256);
        server.start(new ScramClient(ScramAlgorithm.SHA_256, user, "x").clientFirst());
        String serverFirst = text(((SaslStep.Challenge) server.credential(Optional.empty())).data());
        return serverFirst.split(",")[1].substring(2);
    }

    @Test
    void asksForTheClientFirstMessageWithAnEmptyChallenge() {
        ServerMechanism server = server(ScramAlgorithm.SHA_1);
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_1, "user", "pencil");
        assertArrayEquals(new byte[0], assertInstanceOf(SaslStep.Challenge.class, server.start(null)).data());
        assertEquals(new SaslStep.NeedCredential("user"), server.respond(client.clientFirst()));
        SaslStep.Challenge c = assertInstanceOf(SaslStep.Challenge.class, server.credential(Optional.of(USER_1)));
        assertInstanceOf(SaslStep.Success.class, server.respond(client.clientFinal(c.data())));
    }

    @Test
    void decodesSaslnameEscapesInTheUsername() {
        assertEquals(new SaslStep.NeedCredential("a,b=c"),
                server(ScramAlgorithm.SHA_256).start(bytes("n,,n=a=2Cb=3Dc,r=abc")));
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "a,b=c", "pencil");
        assertTrue(text(client.clientFirst()).startsWith("n,,n=a=2Cb=3Dc,r="));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "n", "n,", "n,,", "x,,n=user,r=abc", "n,,n=us=er,r=abc", "n,,n=user=2c,r=abc", "n,,n=user=,r=abc",
        "n,,n=user", "n,,r=abc,n=user", "n,,m=foo,n=user,r=abc", "n,,n=,r=abc", "n,,n=user,r=",
        "n,a,n=user,r=abc", "n,a=,n=user,r=abc", "n,,n=user,r=abc,1=x", "n,,n=user,r=abc,", "n,,n=user,r=a\u00e9b",
        "n,,n=user,r=a b", "p=,,n=user,r=abc", "p=a_b,,n=user,r=abc", "N,,n=user,r=abc",
    })
    void rejectsMalformedClientFirstMessages(String message) {
        assertFailure(SaslFailure.MALFORMED_REQUEST, server(ScramAlgorithm.SHA_256).start(bytes(message)));
    }

    @Test
    void rejectsInvalidUtf8() {
        assertFailure(SaslFailure.MALFORMED_REQUEST,
                server(ScramAlgorithm.SHA_256).start(new byte[] {'n', ',', ',', 'n', '=', (byte) 0xC0, (byte) 0x80}));
    }

    @Test
    void rejectsAnEmptyInitialResponse() {
        assertFailure(SaslFailure.MALFORMED_REQUEST, server(ScramAlgorithm.SHA_256).start(new byte[0]));
    }

    @Test
    void rejectsUsernamesThatCannotBeALocalpart() {
        assertFailure(SaslFailure.NOT_AUTHORIZED, server(ScramAlgorithm.SHA_256).start(bytes("n,,n=a b,r=abc")));
        assertFailure(SaslFailure.NOT_AUTHORIZED, server(ScramAlgorithm.SHA_256).start(bytes("n,,n=a@b,r=abc")));
    }

    /** Runs client-first and the credential step, then gives the server {@code clientFinal}. */
    private static SaslStep finalStep(String clientFinal) {
        ScramServer server = new ScramServer(ScramAlgorithm.SHA_256, false, PLAIN_STREAM, () -> "SNONCE");
        server.start(bytes("n,,n=user,r=CNONCE"));
        server.credential(Optional.of(USER_256));
        return server.respond(bytes(clientFinal));
    }

    /** A well-formed proof of 32 zero bytes. */
    private static final String PROOF = "p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @ParameterizedTest
    @ValueSource(strings = {
        "c=biws,r=CNONCESNONCE", "r=CNONCESNONCE,c=biws," + PROOF, "c=biws," + PROOF,
        "c=biws,r=CNONCESNONCE,p=AAAA", "c=biws,r=CNONCESNONCE,p=!!!!", "c=biw,r=CNONCESNONCE," + PROOF,
        "c=biws,r=CNONCESNONCE,p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "c=biws,r=CNONCESNONCE,x," + PROOF,
        "", ",,,",
    })
    void rejectsMalformedClientFinalMessages(String message) {
        assertFailure(SaslFailure.MALFORMED_REQUEST, finalStep(message));
    }

    @Test
    void rejectsAWrongNonce() {
        assertFailure(SaslFailure.NOT_AUTHORIZED, finalStep("c=biws,r=CNONCEOTHER," + PROOF));
        assertFailure(SaslFailure.NOT_AUTHORIZED, finalStep("c=biws,r=CNONCE," + PROOF));
    }

    @Test
    void rejectsAChannelBindingThatIsNotTheGs2Header() {
        String yHeader = Base64.getEncoder().encodeToString(bytes("y,,"));
        assertFailure(SaslFailure.NOT_AUTHORIZED, finalStep("c=" + yHeader + ",r=CNONCESNONCE," + PROOF));
    }

    @Test
    void rejectsAWrongProof() {
        assertFailure(SaslFailure.NOT_AUTHORIZED, finalStep("c=biws,r=CNONCESNONCE," + PROOF));
    }

    @Test
    void acceptsIgnorableExtensions() {
        ServerMechanism server = server(ScramAlgorithm.SHA_256);
        assertEquals(new SaslStep.NeedCredential("user"), server.start(bytes("n,,n=user,r=abc,x=ext")));
    }

    @Test
    void acceptsTheOwnBareJidAsAuthzid() {
        for (String authzid : new String[] {"user@example.com", "USER@Example.COM"}) {
            SaslStep step = Exchanges.scram(server(ScramAlgorithm.SHA_256),
                    new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil").withAuthzid(authzid),
                    Optional.of(USER_256));
            assertInstanceOf(SaslStep.Success.class, step, authzid);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"other@example.com", "user@example.net", "example.com", "user@example.com/res", "@@"})
    void rejectsAnyOtherAuthzid(String authzid) {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil").withAuthzid(authzid);
        assertFailure(SaslFailure.INVALID_AUTHZID, server(ScramAlgorithm.SHA_256).start(client.clientFirst()));
    }

    @Test
    void failsEveryCallAfterTheEnd() {
        ServerMechanism server = server(ScramAlgorithm.SHA_256);
        assertFailure(SaslFailure.MALFORMED_REQUEST, server.start(bytes("garbage")));
        assertFailure(SaslFailure.MALFORMED_REQUEST, server.respond(bytes("n,,n=user,r=abc")));
        assertFailure(SaslFailure.MALFORMED_REQUEST, server.credential(Optional.of(USER_256)));
    }

    @Test
    void failsAResponseWhileTheCredentialIsLookedUp() {
        ServerMechanism server = server(ScramAlgorithm.SHA_256);
        server.start(bytes("n,,n=user,r=abc"));
        assertFailure(SaslFailure.MALFORMED_REQUEST, server.respond(bytes("c=biws,r=abc," + PROOF)));
    }

    @Test
    void refusesCallerMistakes() {
        ServerMechanism server = server(ScramAlgorithm.SHA_256);
        assertThrows(IllegalStateException.class, () -> server.credential(Optional.of(USER_256)));
        assertThrows(IllegalStateException.class, () -> server.respond(bytes("x")));
        server.start(bytes("n,,n=user,r=abc"));
        assertThrows(IllegalStateException.class, () -> server.start(null));
        assertThrows(IllegalArgumentException.class, () -> server.credential(Optional.of(USER_1)));
    }

    @Test
    void namesItsCredentialAlgorithm() {
        assertEquals(ScramAlgorithm.SHA_1, server(ScramAlgorithm.SHA_1).credentialAlgorithm());
        assertEquals(ScramAlgorithm.SHA_256, server(ScramAlgorithm.SHA_256).credentialAlgorithm());
        assertEquals("SCRAM-SHA-1", server(ScramAlgorithm.SHA_1).name());
    }

    @Test
    void clientRejectsBadServerFirstMessages() {
        for (String serverFirst : new String[] {"r=other,s=QSXCR+Q6sek8bf92,i=4096", "r=abc,s=QSXCR+Q6sek8bf92,i=4096",
            "r=abcdef,s=!!,i=4096", "r=abcdef,s=QSXCR+Q6sek8bf92,i=x", "r=abcdef,s=QSXCR+Q6sek8bf92,i=0",
            "m=x,r=abcdef,s=QSXCR+Q6sek8bf92,i=1", "r=abcdef"}) {
            ScramClient client = new ScramClient(ScramAlgorithm.SHA_1, "user", "pencil").withNonce("abc");
            client.clientFirst();
            assertThrows(IllegalArgumentException.class, () -> client.clientFinal(bytes(serverFirst)), serverFirst);
        }
    }

    @Test
    void clientRejectsAForgedServerFinal() {
        ScramServer server = new ScramServer(ScramAlgorithm.SHA_256, false, PLAIN_STREAM);
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil");
        server.start(client.clientFirst());
        client.clientFinal(((SaslStep.Challenge) server.credential(Optional.of(USER_256))).data());
        assertFalse(client.verifyServerFinal(bytes("v=" + Base64.getEncoder().encodeToString(new byte[32]))));
        assertFalse(client.verifyServerFinal(bytes("e=other-error")));
        assertFalse(client.verifyServerFinal(bytes("v=!!")));
    }
}
