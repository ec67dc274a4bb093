package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.e2e.TestServer;
import java.io.IOException;
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
 * Presence floods (hearth.c2s.presence-rate and presence-burst): a session that sends directed
 * presence or subscription requests faster than its bucket allows gets policy-violation (wait)
 * for the excess, and is disconnected when it keeps going; its roster, the state a flood of
 * subscription requests would grow, stays within the burst; other clients notice nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresenceFloodIT {
    private static final String PASSWORD = "secret-password";
    private static final int BURST = 20;
    private static final Pattern ROSTER_ITEM = Pattern.compile("<item ");

    private RawServer raw;

    @BeforeAll
    void startServer() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-flood"),
                Map.of("hearth.storage.kind", "h2"));
        settings.put("hearth.c2s.presence-rate", 2);
        settings.put("hearth.c2s.presence-burst", BURST);
        raw = RawServer.start(settings, PASSWORD, List.of("alice", "bob", "mallory", "oscar"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void subscriptionFloodToManyJidsIsCutOffAndOthersKeepWorking() throws IOException {
        try (RawClient alice = raw.login("alice", "steady");
             RawClient bob = raw.login("bob", "steady")) {
            alice.send("<presence/>");
            try (RawClient mallory = raw.login("mallory", "flood")) {
                StringBuilder flood = new StringBuilder();
                // Three bursts' worth is enough to be cut off. (A larger flood works too: a closing
                // stream drains what the client still sends, so the close is never a TCP reset;
                // the server would just wait for the flood to end.)
                for (int i = 0; i < 3 * BURST; i++) {
                    flood.append("<presence type='subscribe' to='victim").append(i).append("@localhost'/>");
                }
                try {
                    mallory.send(flood.toString());
                } catch (IOException cutOff) {
                    // the server may close the socket while the flood is still being written
                }
                String all = mallory.expectStreamError("policy-violation");
                assertTrue(all.contains("<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"),
                        "the excess is refused before the stream closes: " + all);
                assertTrue(all.contains("type='wait'"), all);
            }
            // Meanwhile and afterwards the others are served.
            alice.ping();
            alice.send("<message to='bob@localhost/steady' type='chat'><body>still here</body></message>");
            bob.readUntil("<body>still here</body>");
        }
        // The state the flood could grow (mallory's roster, one pending item per target) stays
        // within the burst and what the rate refilled meanwhile.
        try (RawClient mallory = raw.login("mallory", "later")) {
            mallory.send("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
            String roster = mallory.readUntil(Pattern.compile("<iq[^>]*id='r1'.*?(</iq>|/>)", Pattern.DOTALL));
            int items = count(ROSTER_ITEM, roster);
            assertTrue(items >= 1 && items <= BURST + 10, "roster items after the flood: " + items);
        }
    }

    @Test
    void aShortBurstOverTheLimitIsRefusedButTheStreamStays() throws IOException {
        try (RawClient oscar = raw.login("oscar", "eager")) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < BURST + 5; i++) {
                burst.append("<presence to='friend").append(i).append("@localhost'/>");
            }
            oscar.send(burst.toString());
            String refused = oscar.readUntil("<policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>");
            assertTrue(refused.contains("type='wait'"), refused);
            oscar.ping(); // still connected
            assertFalse(oscar.transcript().contains("<stream:error>"), oscar.transcript());
        }
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
