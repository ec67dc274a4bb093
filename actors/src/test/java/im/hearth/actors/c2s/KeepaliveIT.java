package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import im.hearth.actors.e2e.TestServer;
import im.hearth.actors.net.TlsMaterial;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keepalive (XEP-0199 4.1) over a real socket with short intervals: an idle session is pinged,
 * an answered ping keeps it, an unanswered one closes it with connection-timeout. Also checks the
 * server's caps (XEP-0115 6.3) among the post-authentication stream features.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepaliveIT {
    private static final String PASSWORD = "secret-password";
    private HearthServer server;
    private SSLContext tls;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-keepalive"),
                Map.of("hearth.storage.kind", "h2"));
        settings.put("hearth.c2s.ping-interval", "1s");
        settings.put("hearth.c2s.ping-timeout", "1s");
        server = TestServer.start(settings);
        TestServer.addUser(server, "alice@localhost", PASSWORD);
        tls = TlsMaterial.trustingContext(server.tls().certificate());
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Pattern ping(int n) {
        return Pattern.compile("<iq[^>]*id='keepalive-" + n + "'[^>]*><ping xmlns='urn:xmpp:ping'/></iq>");
    }

    @Test
    void anIdleSessionIsPingedKeptWhileItAnswersAndClosedWhenItStops() throws Exception {
        try (RawClient alice = RawClient.login(server.starttlsPort(), tls, "alice", PASSWORD, "idle")) {
            assertTrue(alice.transcript().contains("<c xmlns='http://jabber.org/protocol/caps' hash='sha-1'"),
                    "caps among the stream features: " + alice.transcript());
            String first = alice.readUntil(ping(1));
            assertTrue(first.contains("from='localhost'") && first.contains("to='alice@localhost/idle'"), first);
            alice.send("<iq type='result' id='keepalive-1' to='localhost'/>");
            alice.readUntil(ping(2)); // idle again: pinged again
            alice.expectStreamError("connection-timeout");
        }
    }
}
