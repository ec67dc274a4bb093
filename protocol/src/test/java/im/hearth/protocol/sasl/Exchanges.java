package im.hearth.protocol.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Drives a client against a server mechanism, as a session would. */
final class Exchanges {

    private Exchanges() {}

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The whole SCRAM exchange; returns the server's last step (after checking server-final). */
    static SaslStep scram(ServerMechanism server, ScramClient client, Optional<ScramCredential> credential) {
        SaslStep step = server.start(client.clientFirst());
        if (!(step instanceof SaslStep.NeedCredential)) {
            return step;
        }
        step = server.credential(credential);
        SaslStep.Challenge serverFirst = assertInstanceOf(SaslStep.Challenge.class, step);
        step = server.respond(client.clientFinal(serverFirst.data()));
        if (step instanceof SaslStep.Success s) {
            assertEquals(true, client.verifyServerFinal(s.additionalData()), "server-final verifies");
        }
        return step;
    }

    static void assertFailure(SaslFailure expected, SaslStep step) {
        assertEquals(expected, assertInstanceOf(SaslStep.Failure.class, step).failure(), step.toString());
    }
}
