package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.e2e.TestDatabases;
import im.hearth.actors.e2e.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad input to the roster, subscriptions and IQ routing, in literal XML against one server on
 * embedded PostgreSQL (the tests are about stored state): every offence gets the error RFC 6120/6121
 * prescribes, or nothing where nothing is due, and no one's roster changes that should not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private static final String PASSWORD = "secret-password";
    private static final AtomicInteger IDS = new AtomicInteger();

    private RawServer raw;

    @BeforeAll
    void startServer() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-bad-input"),
                TestDatabases.newPostgresDatabase());
        raw = RawServer.start(settings, PASSWORD, List.of("alice", "bob", "mallory", "selfie", "wanderer", "nosy", "carol", "dave"));
    }

    @AfterAll
    void stopServer() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    private RawClient login(String user, String resource) throws IOException {
        return raw.login(user, resource);
    }

    /** Sends an IQ with a fresh id (the XML's {@code ID} placeholder) and returns its answer. */
    private static String iq(RawClient c, String xml) throws IOException {
        String id = "q" + IDS.incrementAndGet();
        c.send(xml.replace("ID", id));
        Pattern answer = Pattern.compile("<iq[^>]*id='" + id + "'[^>]*(/>|>.*?</iq>)", Pattern.DOTALL);
        Matcher m = answer.matcher(c.readUntil(answer));
        assertTrue(m.find());
        return m.group();
    }

    private static String roster(RawClient c) throws IOException {
        return iq(c, "<iq type='get' id='ID'><query xmlns='jabber:iq:roster'/></iq>");
    }

    private static void assertError(String reply, String condition) {
        assertTrue(reply.contains("type='error'") && reply.contains("<" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"),
                "expected " + condition + ": " + reply);
    }

    // --- Roster pushes with a forged 'from'.

    @Test
    void rosterSetToAnotherAccountChangesNothingAndIsRefused() throws IOException {
        try (RawClient alice = login("alice", "home"); RawClient mallory = login("mallory", "forge")) {
            String before = roster(alice);
            String reply = iq(mallory, "<iq type='set' to='alice@localhost' id='ID'><query xmlns='jabber:iq:roster'>"
                    + "<item jid='mallory@localhost' name='trusted'/></query></iq>");
            assertError(reply, "service-unavailable"); // RFC 6121 2.1.5 and 8.5.2.1.3: not for others to set
            // To a full JID the IQ reaches the client (RFC 6121 8.5.3.1), stamped with the real sender,
            // so the client can tell it is no push from its own account (2.1.6) and refuse it.
            mallory.send("<iq type='set' to='alice@localhost/home' id='forged-push'><query xmlns='jabber:iq:roster'>"
                    + "<item jid='mallory@localhost' name='trusted'/></query></iq>");
            String atAlice = alice.readUntil(Pattern.compile("<iq[^>]*id='forged-push'[^>]*>"));
            assertTrue(atAlice.contains("from='mallory@localhost/forge'"), atAlice);
            assertEquals(before.replaceAll("id='[^']*'", ""), roster(alice).replaceAll("id='[^']*'", ""),
                    "alice's roster did not change");
        }
    }

    @Test
    void rosterPushClaimingToBeFromTheServerClosesTheStream() throws IOException {
        try (RawClient alice = login("alice", "watch")) {
            String before = roster(alice);
            try (RawClient mallory = login("mallory", "server")) {
                mallory.send("<iq type='set' from='localhost' to='alice@localhost/watch' id='p1'>"
                        + "<query xmlns='jabber:iq:roster'><item jid='mallory@localhost'/></query></iq>");
                mallory.expectStreamError("invalid-from"); // RFC 6120 8.1.2.1
            }
            try (RawClient mallory = login("mallory", "alice")) {
                mallory.send("<iq type='set' from='alice@localhost' id='p2'>"
                        + "<query xmlns='jabber:iq:roster'><item jid='mallory@localhost'/></query></iq>");
                mallory.expectStreamError("invalid-from");
            }
            alice.ping();
            assertFalse(alice.transcript().contains("id='p1'") || alice.transcript().contains("id='p2'"), alice.transcript());
            assertEquals(before.replaceAll("id='[^']*'", ""), roster(alice).replaceAll("id='[^']*'", ""));
        }
    }

    // --- Roster items.

    @Test
    void rosterSetForAnInvalidJidIsJidMalformed() throws IOException {
        try (RawClient carol = login("carol", "jids")) {
            for (String bad : List.of("a@b@localhost", "bad jid@localhost", "@localhost", "user@", "x@" + "d".repeat(1100))) {
                String reply = iq(carol, "<iq type='set' id='ID'><query xmlns='jabber:iq:roster'><item jid='"
                        + bad + "'/></query></iq>");
                assertError(reply, "jid-malformed");
            }
            assertFalse(roster(carol).contains("<item "), "nothing was added");
        }
    }

    @Test
    void oversizedRosterNameOrGroupIsNotAcceptable() throws IOException {
        try (RawClient carol = login("carol", "sizes")) {
            assertError(iq(carol, "<iq type='set' id='ID'><query xmlns='jabber:iq:roster'><item jid='bob@localhost' name='"
                    + "n".repeat(2000) + "'/></query></iq>"), "not-acceptable");
            assertError(iq(carol, "<iq type='set' id='ID'><query xmlns='jabber:iq:roster'><item jid='bob@localhost'><group>"
                    + "g".repeat(2000) + "</group></item></query></iq>"), "not-acceptable");
            assertFalse(roster(carol).contains("bob@localhost"), "nothing was stored");
        }
    }

    // --- Subscriptions to self and to bogus domains.

    @Test
    void subscriptionToSelfLeavesTheRosterAlone() throws IOException {
        try (RawClient selfie = login("selfie", "one"); RawClient other = login("selfie", "two")) {
            selfie.send("<presence/>");
            other.send("<presence/>");
            for (String type : List.of("subscribe", "subscribed", "unsubscribe", "unsubscribed")) {
                selfie.send("<presence type='" + type + "' to='selfie@localhost'/>");
            }
            selfie.ping();
            String roster = roster(selfie);
            assertFalse(roster.contains("selfie@localhost'"), "no roster item for the user's own JID: " + roster);
            // The user's own resources still see each other's presence (RFC 6121 4.2.2, 4.4.2).
            selfie.send("<presence><status>still me</status></presence>");
            other.readUntil("<status>still me</status>");
            assertFalse(other.transcript().contains("type='subscribe'"), "no request from oneself: " + other.transcript());
        }
    }

    @Test
    void subscriptionToAnUnknownDomainComesBackRemoteServerNotFound() throws IOException {
        try (RawClient w = login("wanderer", "far")) {
            roster(w); // interested in pushes
            w.send("<presence/>"); // the error comes back to the bare JID: to the available resources
            w.send("<presence type='subscribe' to='someone@nowhere.invalid'/>");
            String error = w.readUntil(Pattern.compile("<presence[^>]*type='error'.*?</presence>", Pattern.DOTALL));
            assertTrue(error.contains("<remote-server-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"), error);
            // The request stays pending (ask='subscribe') until the user cancels it (docs/routing.md).
            String roster = roster(w);
            assertTrue(roster.contains("jid='someone@nowhere.invalid'") && roster.contains("ask='subscribe'"), roster);
            String removed = iq(w, "<iq type='set' id='ID'><query xmlns='jabber:iq:roster'>"
                    + "<item jid='someone@nowhere.invalid' subscription='remove'/></query></iq>");
            assertTrue(removed.contains("type='result'"), removed);
            w.ping();
            assertFalse(roster(w).contains("nowhere.invalid"));
        }
    }

    // --- IQs.

    @Test
    void unknownIqPayloadsAreServiceUnavailable() throws IOException {
        try (RawClient nosy = login("nosy", "asks"); RawClient bob = login("bob", "there")) {
            for (String to : List.of("to='localhost'", "", "to='nosy@localhost'", "to='bob@localhost'")) {
                assertError(iq(nosy, "<iq type='get' " + to + " id='ID'><gibberish xmlns='urn:example:nothing'/></iq>"),
                        "service-unavailable");
                assertError(iq(nosy, "<iq type='set' " + to + " id='ID'><gibberish xmlns='urn:example:nothing'/></iq>"),
                        "service-unavailable");
            }
            bob.ping();
        }
    }

    @Test
    void iqResultsAndErrorsNobodyAskedForAreDropped() throws IOException {
        try (RawClient dave = login("dave", "answers"); RawClient bob = login("bob", "quiet")) {
            for (String to : List.of("to='localhost'", "", "to='dave@localhost'", "to='bob@localhost'")) {
                dave.send("<iq type='result' " + to + " id='unasked-r'/>");
                dave.send("<iq type='error' " + to + " id='unasked-e'><error type='cancel'>"
                        + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
            }
            dave.ping();
            dave.send("<message to='bob@localhost/quiet' type='chat'><body>after the results</body></message>");
            bob.readUntil("<body>after the results</body>");
            assertFalse(dave.transcript().contains("unasked"), "nothing comes back: " + dave.transcript());
            assertFalse(bob.transcript().contains("unasked"), "nothing reaches bob: " + bob.transcript());
        }
    }
}
