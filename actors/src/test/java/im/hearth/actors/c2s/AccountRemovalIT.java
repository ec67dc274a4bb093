package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.e2e.TestDatabases;
import im.hearth.actors.e2e.TestServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * XEP-0077 3.2 on the wire: an account removed from its own stream gets the IQ result first, then
 * the stream error, in that order; a client waiting for the result must be able to read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRemovalIT {
    private RawServer raw;

    @BeforeAll
    void startServer() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-removal"),
                TestDatabases.newPostgresDatabase());
        settings.put("hearth.registration.allow", true);
        raw = RawServer.start(settings, "secret-password", List.of("juliet", "nurse"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void theResultOfARemovalIsWrittenBeforeTheStreamError() throws Exception {
        try (RawClient juliet = raw.login("juliet", "balcony"); RawClient nurse = raw.login("nurse", "hall")) {
            juliet.send("<iq type='set' id='rm1'><query xmlns='jabber:iq:register'><remove/></query></iq>");
            String all = juliet.expectStreamError("not-authorized");
            Matcher result = Pattern.compile("<iq[^>]*id='rm1'[^>]*type='result'|<iq[^>]*type='result'[^>]*id='rm1'")
                    .matcher(all);
            assertTrue(result.find(), "no result for the removal: " + all);
            assertTrue(result.start() < all.indexOf("<stream:error>"), "the stream error came before the result: " + all);
            // Everyone else's stream goes on.
            nurse.send("<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>");
            nurse.readUntil("id='p1'");
        }
    }
}
