package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import im.hearth.actors.e2e.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Hostile clients against one real server on loopback, in literal XML: each offender gets the
 * stream error RFC 6120 4.9.3 prescribes and is disconnected, while two well-behaved clients that
 * stay connected through the whole class (alice and bob) keep pinging the server and messaging
 * each other before and after every offence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientIT {
    private static final String PASSWORD = "secret-password";
    private static final Pattern ANY_MESSAGE_BODY = Pattern.compile("<body>([^<]*)</body>");

    private RawServer raw;
    private RawClient alice;
    private RawClient bob;
    private final AtomicInteger markers = new AtomicInteger();
    private final ListAppender<ILoggingEvent> sessionLog = new ListAppender<>();

    @BeforeAll
    void startServer() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-hostile"),
                Map.of("hearth.storage.kind", "h2"));
        settings.put("hearth.c2s.max-stanza-size", "16k");
        settings.put("hearth.c2s.max-depth", 8);
        settings.put("hearth.c2s.max-outbound-queue", "64k");
        settings.put("hearth.c2s.auth-timeout", "3s");
        settings.put("hearth.login-throttle.free-failures", 1);
        settings.put("hearth.login-throttle.base-delay", "200ms");
        settings.put("hearth.login-throttle.max-delay", "2s");
        raw = RawServer.start(settings, PASSWORD, List.of("alice", "bob", "carol", "dave", "erin", "frank"));
        ((Logger) LoggerFactory.getLogger(Session.class)).addAppender(sessionLog);
        sessionLog.start();
        alice = raw.login("alice", "steady");
        bob = raw.login("bob", "steady");
    }

    @AfterAll
    void stopServer() throws Exception {
        ((Logger) LoggerFactory.getLogger(Session.class)).detachAppender(sessionLog);
        for (RawClient c : new RawClient[] {alice, bob}) {
            if (c != null) {
                c.close();
            }
        }
        if (raw != null) {
            raw.close();
        }
    }

    @BeforeEach
    void wellBehavedClientsWorkBefore() throws IOException {
        wellBehavedClientsStillWork();
    }

    @AfterEach
    void wellBehavedClientsWorkAfter() throws IOException {
        wellBehavedClientsStillWork();
    }

    /** alice pings the server and sends bob a message he receives; returns what bob saw before it. */
    private String wellBehavedClientsStillWork() throws IOException {
        alice.ping();
        bob.ping();
        String marker = "marker-" + markers.incrementAndGet();
        alice.send("<message to='bob@localhost/steady' type='chat'><body>" + marker + "</body></message>");
        return bob.readUntil("<body>" + marker + "</body>");
    }

    private RawClient plainStream() throws IOException {
        RawClient c = RawClient.connect(raw.port);
        c.openStream();
        return c;
    }

    private RawClient tlsStream() throws IOException {
        RawClient c = plainStream();
        c.startTls(raw.tls);
        c.openStream();
        return c;
    }

    // --- Not well-formed.

    @Test
    void mismatchedEndTagIsNotWellFormed() throws IOException {
        try (RawClient c = plainStream()) {
            c.send("<message><body></message>");
            c.expectStreamError("not-well-formed");
        }
    }

    @Test
    void invalidUtf8IsNotWellFormed() throws IOException {
        try (RawClient c = plainStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("<message><body>".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // a broken sequence, then a byte UTF-8 never has
            bytes.writeBytes("</body></message>".getBytes(StandardCharsets.UTF_8));
            c.send(bytes.toByteArray());
            c.expectStreamError("not-well-formed");
        }
    }

    // --- Restricted XML (RFC 6120 11.1).

    @Test
    void doctypeIsRestrictedXml() throws IOException {
        try (RawClient c = RawClient.connect(raw.port)) {
            c.send("<?xml version='1.0'?><!DOCTYPE stream:stream>" + RawClient.header("localhost").substring(21));
            c.expectStreamError("restricted-xml");
        }
    }

    @Test
    void internalEntityDeclarationIsRestrictedXmlAndNeverExpanded() throws IOException {
        try (RawClient c = RawClient.connect(raw.port)) {
            c.send("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY who 'expanded-entity'>]>"
                    + RawClient.header("localhost").substring(21) + "<message><body>&who;</body></message>");
            String all = c.expectStreamError("restricted-xml");
            assertFalse(all.contains("expanded-entity"), all);
        }
    }

    @Test
    void billionLaughsIsRestrictedXmlWithoutExpansion() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        dtd.append("<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" '");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("'>");
        }
        dtd.append("]>");
        long heapBefore = usedHeap();
        try (RawClient c = RawClient.connect(raw.port)) {
            c.send("<?xml version='1.0'?>" + dtd + RawClient.header("localhost").substring(21)
                    + "<message><body>&lol9;</body></message>");
            String all = c.expectStreamError("restricted-xml");
            assertFalse(all.contains("lollol"), "nothing may be expanded: " + all);
            assertTrue(all.length() < 4096, "the answer is a short error, not an expansion: " + all.length());
        }
        // A billion laughs expanded would be gigabytes; allow generous noise from the rest of the JVM.
        assertTrue(usedHeap() - heapBefore < 256L * 1024 * 1024, "heap grew by " + (usedHeap() - heapBefore));
    }

    @Test
    void undeclaredEntityReferenceInAStanzaIsRestrictedXml() throws IOException {
        try (RawClient c = plainStream()) {
            c.send("<message><body>&lol;</body></message>");
            c.expectStreamError("restricted-xml");
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    // --- Limits: policy-violation.

    @Test
    void stanzaOverTheSizeLimitIsAPolicyViolationEvenWhenAuthenticated() throws IOException {
        try (RawClient dave = raw.login("dave", "big")) {
            dave.send("<message to='bob@localhost/steady'><body>" + "x".repeat(20 * 1024) + "</body></message>");
            dave.expectStreamError("policy-violation");
        }
        String atBob = wellBehavedClientsStillWork();
        assertFalse(atBob.contains("xxxxxxxxxx"), "the oversized stanza must not be delivered");
    }

    @Test
    void neverEndingStartTagIsAPolicyViolation() throws IOException {
        try (RawClient c = plainStream()) {
            c.send("<message ");
            try {
                for (int i = 0; i < 8; i++) {
                    // Attribute names, never a '>': no XML event at all, only bytes counted against the limit.
                    c.send(("a" + i + "x").repeat(1000) + "='1' ");
                }
            } catch (SocketException closed) {
                // The server may have sent its error and closed before the last chunks: the error is still to be read.
            }
            c.expectStreamError("policy-violation");
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsAPolicyViolation() throws IOException {
        try (RawClient c = plainStream()) {
            c.send("<message>" + "<x>".repeat(8));
            c.expectStreamError("policy-violation");
        }
    }

    // --- Namespaces and hosts.

    @Test
    void serverNamespaceOnTheClientPortIsAnInvalidNamespace() throws IOException {
        try (RawClient c = RawClient.connect(raw.port)) {
            c.send("<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                    + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>");
            c.expectStreamError("invalid-namespace");
        }
    }

    @Test
    void wrongStreamNamespaceIsAnInvalidNamespace() throws IOException {
        try (RawClient c = RawClient.connect(raw.port)) {
            c.send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                    + "xmlns:stream='http://example.com/not-streams' to='localhost' version='1.0'>");
            c.expectStreamError("invalid-namespace");
        }
    }

    @Test
    void unknownDomainIsHostUnknownAfterTheServersOwnHeader() throws IOException {
        try (RawClient c = RawClient.connect(raw.port)) {
            c.send(RawClient.header("example.org"));
            String all = c.expectStreamError("host-unknown");
            assertTrue(all.startsWith("<?xml") || all.startsWith("<stream:stream"), all);
            assertFalse(all.contains("<stream:features"), "no features for a domain we do not serve: " + all);
        }
    }

    // --- Before authentication.

    @Test
    void messageBeforeAuthenticationIsNotAuthorized() throws IOException {
        try (RawClient c = plainStream()) {
            c.send("<message to='bob@localhost/steady'><body>unauthenticated</body></message>");
            c.expectStreamError("not-authorized");
        }
        assertFalse(wellBehavedClientsStillWork().contains("unauthenticated"));
    }

    @Test
    void messageAfterTlsButBeforeAuthenticationIsNotAuthorized() throws IOException {
        try (RawClient c = tlsStream()) {
            c.send("<message to='bob@localhost/steady'><body>unauthenticated over TLS</body></message>");
            c.expectStreamError("not-authorized");
        }
        assertFalse(wellBehavedClientsStillWork().contains("unauthenticated"));
    }

    @Test
    void saslBeforeTlsIsRefusedWithEncryptionRequired() throws IOException {
        try (RawClient c = RawClient.connect(raw.port)) {
            c.send(RawClient.header("localhost"));
            String features = c.readUntil("</stream:features>");
            assertTrue(features.contains("<required/>"), features);
            assertFalse(features.contains("<mechanisms"), "no SASL offered before TLS: " + features);
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + RawClient.b64(("\0dave\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)) + "</auth>");
            String failure = c.readUntil("</failure>");
            assertTrue(failure.contains("<encryption-required/>"), failure);
            assertFalse(failure.contains("<success"), failure);
        }
    }

    @Test
    void protocolMistakesInSaslAreNotCountedAsPasswordGuesses() throws IOException {
        String from = "127.0.0.3";
        sessionLog.list.clear();
        try (RawClient c = RawClient.connect(from, raw.port, 0)) {
            c.openStream();
            for (int i = 0; i < 3; i++) {
                c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>=</auth>");
                assertTrue(c.readUntil("</failure>").contains("<encryption-required/>"));
            }
            c.expectStreamError("policy-violation"); // the stream's attempts are still bounded
        }
        try (RawClient c = RawClient.connect(from, raw.port, 0)) {
            c.openStream();
            c.startTls(raw.tls);
            c.openStream();
            assertTrue(c.authenticate("frank", "a-guess").contains("<not-authorized/>"));
        }
        List<String> failures = sessionLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("login failed") && m.contains(from + ":")).toList();
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("(1 failures from this address)"), failures.get(0));
    }

    // --- After binding.

    @Test
    void spoofedFromIsInvalidFrom() throws IOException {
        try (RawClient dave = raw.login("dave", "spoofer")) {
            // Its own full JID as 'from' is fine (RFC 6120 8.1.2.1).
            dave.send("<message from='dave@localhost/spoofer' to='bob@localhost/steady'><body>honest</body></message>");
            assertEquals("honest", firstBody(bob.readUntil("<body>honest</body>")));
            dave.send("<message from='alice@localhost/steady' to='bob@localhost/steady'><body>spoofed</body></message>");
            dave.expectStreamError("invalid-from");
        }
        assertFalse(wellBehavedClientsStillWork().contains("spoofed"), "a spoofed stanza must not be delivered");
    }

    private static String firstBody(String xml) {
        var m = ANY_MESSAGE_BODY.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void secondBindOfTheSameResourceReplacesTheOlderSessionWithConflict() throws IOException {
        try (RawClient first = raw.login("carol", "phone")) {
            first.ping();
            try (RawClient second = raw.login("carol", "phone")) {
                first.expectStreamError("conflict");
                second.ping();
                alice.send("<message to='carol@localhost/phone' type='chat'><body>to the new one</body></message>");
                second.readUntil("<body>to the new one</body>");
            }
        }
    }

    // --- Authentication abuse.

    @Test
    void wrongPasswordsAreRefusedSlowedDownLoggedAndEndTheStream() throws IOException {
        String from = "127.0.0.2"; // its own address, so the throttle state is this test's alone
        sessionLog.list.clear();
        long[] took = new long[5];
        try (RawClient c = RawClient.connect(from, raw.port, 0)) {
            c.openStream();
            c.startTls(raw.tls);
            c.openStream();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                String outcome = c.authenticate("frank", "wrong-" + i);
                took[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertTrue(outcome.startsWith("<failure") && outcome.contains("<not-authorized/>"), outcome);
            }
            // max-auth-attempts (3) reached: RFC 6120 6.4.5 recommends policy-violation.
            c.expectStreamError("policy-violation");
        }
        try (RawClient c = RawClient.connect(from, raw.port, 0)) {
            c.openStream();
            c.startTls(raw.tls);
            c.openStream();
            long start = System.nanoTime();
            String outcome = c.authenticate("frank", "wrong-again");
            took[3] = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(outcome.contains("<not-authorized/>"), outcome);
            start = System.nanoTime();
            outcome = c.authenticate("frank", PASSWORD);
            took[4] = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(outcome.startsWith("<success"), "the right password still works, later: " + outcome);
        }
        // free-failures = 1, base-delay = 200ms, doubling: 0, 0, 200, 400, 800 ms before each attempt.
        assertTrue(took[2] >= 200, "third attempt waited " + took[2]);
        assertTrue(took[3] >= 400, "fourth attempt waited " + took[3]);
        assertTrue(took[4] >= 800, "fifth attempt waited " + took[4]);
        List<String> failures = sessionLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("login failed") && m.contains("frank")).toList();
        assertEquals(4, failures.size(), "one log line per failure: " + failures);
        assertTrue(failures.stream().allMatch(m -> m.contains(from + ":")), "logged with the address: " + failures);
    }

    // --- Resource exhaustion.

    @Test
    void clientThatNeverReadsIsDisconnectedWhenItsQueueIsFull() throws Exception {
        sessionLog.list.clear();
        RawClient erin = RawClient.connect(null, raw.port, 4096);
        erin.openStream();
        erin.startTls(raw.tls);
        erin.openStream();
        assertTrue(erin.authenticate("erin", PASSWORD).startsWith("<success"));
        erin.openStream();
        erin.bind("deaf");
        // Pings with long ids make long answers, which erin never reads: the server's queue for her
        // fills once TCP's buffers are full. Far more than every buffer on the way could hold.
        String id = "p".repeat(2000);
        byte[] ping = ("<iq type='get' id='" + id + "'><ping xmlns='urn:xmpp:ping'/></iq>").getBytes(StandardCharsets.UTF_8);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<Throwable> writer = CompletableFuture.supplyAsync(() -> {
            try {
                while (sent.get() < 512L * 1024 * 1024) {
                    erin.send(ping);
                    sent.addAndGet(ping.length);
                }
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        try {
            Throwable ended = writer.get(30, TimeUnit.SECONDS);
            assertTrue(ended instanceof IOException, "the server must cut erin off; sent " + sent.get());
        } catch (TimeoutException e) {
            fail("erin was never disconnected (the server stopped reading her instead); sent " + sent.get());
        } catch (ExecutionException e) {
            throw e;
        } finally {
            erin.close();
        }
        assertTrue(sessionLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("erin@localhost/deaf") && m.contains("outbound queue overflow")),
                "the reason is logged");
    }

    @Test
    void connectionThatNeverAuthenticatesTimesOut() throws IOException {
        long start = System.nanoTime();
        // Both at once, to wait for auth-timeout only once: one opened its stream, one never said a word.
        try (RawClient opened = plainStream(); RawClient silent = RawClient.connect(raw.port)) {
            opened.expectStreamError("connection-timeout");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 2500, "closed before auth-timeout");
            // RFC 6120 4.9.1.1: the server's header first, even though the client never sent one.
            silent.expectStreamError("connection-timeout");
        }
    }

    // --- Direct TLS.

    @Test
    void garbageOnTheDirectTlsPortClosesOnlyThatConnection() throws IOException {
        try (RawClient c = RawClient.connect(raw.server.directTlsPort())) {
            c.send(RawClient.header("localhost")); // XML where a TLS ClientHello belongs
            c.readUntilClosed();
        }
        try (RawClient direct = RawClient.directTls(raw.server.directTlsPort(), raw.tls)) {
            direct.openStream();
            assertTrue(direct.authenticate("dave", PASSWORD).startsWith("<success"));
        }
    }
}
