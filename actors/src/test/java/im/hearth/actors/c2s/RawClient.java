package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import im.hearth.protocol.sasl.ScramAlgorithm;
import im.hearth.protocol.sasl.ScramClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A client that speaks literal XML over a real socket, for hostile-input tests: it sends whatever it
 * is told, and reads "until this pattern" or "until the server closes" with a deadline (socket read
 * timeouts, never sleeps). Everything received since the last TLS switch is kept as the transcript.
 */
final class RawClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String DOMAIN = "localhost";
    private static final AtomicInteger IDS = new AtomicInteger();

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int mark;

    private RawClient(Socket socket, int port) throws IOException {
        this.socket = socket;
        this.port = port;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A plain TCP connection to the STARTTLS port. */
    static RawClient connect(int port) throws IOException {
        return connect(null, port, 0);
    }

    /**
     * From a given loopback address (any of 127/8 works on Linux; the login throttle counts per
     * address) and with a given receive buffer (0: the default), set before connecting so that the
     * TCP window stays small.
     */
    static RawClient connect(String localAddress, int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        if (localAddress != null) {
            s.bind(new InetSocketAddress(localAddress, 0));
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), (int) WAIT.toMillis());
        s.setTcpNoDelay(true);
        return new RawClient(s, port);
    }

    /** TLS from the first byte (XEP-0368). */
    static RawClient directTls(int port, SSLContext tls) throws IOException {
        RawClient c = connect(port);
        c.switchToTls(tls);
        return c;
    }

    static String header(String to) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                + (to == null ? "" : " to='" + to + "'") + " version='1.0'>";
    }

    // --- Sending.

    RawClient send(String xml) throws IOException {
        return send(xml.getBytes(StandardCharsets.UTF_8));
    }

    RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    // --- Reading.

    /** Reads until {@code pattern} matches after what was already returned; returns the text up to its end. */
    String readUntil(Pattern pattern) throws IOException {
        return readUntil(pattern, WAIT);
    }

    /** As {@link #readUntil(Pattern)}, waiting at most {@code wait}. */
    String readUntil(Pattern pattern, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String all = transcript();
            Matcher m = pattern.matcher(all);
            if (m.find(mark)) {
                String found = all.substring(mark, m.end());
                mark = m.end();
                return found;
            }
            int n = readSome(deadline, "'" + pattern + "'");
            if (n < 0) {
                fail("the server closed the connection before '" + pattern + "'; received: " + all.substring(mark));
            }
        }
    }

    String readUntil(String literal) throws IOException {
        return readUntil(Pattern.compile(Pattern.quote(literal)));
    }

    /** Reads until the server closes the connection (end of stream or reset); returns the rest of the text. */
    String readUntilClosed() throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            int n;
            try {
                n = readSome(deadline, "the server to close the connection");
            } catch (IOException reset) {
                // A reset, over TLS possibly as an SSLException; timeouts fail inside readSome.
                n = -1;
            }
            if (n < 0) {
                String all = transcript();
                String rest = all.substring(mark);
                mark = all.length();
                return rest;
            }
        }
    }

    /**
     * Expects the stream to end with a stream error (RFC 6120 4.9): the server's header before it
     * (4.9.1.1), the condition, the closing tag, then the connection closed. Returns the whole transcript.
     */
    String expectStreamError(String condition) throws IOException {
        readUntilClosed();
        String all = transcript();
        int error = all.indexOf("<stream:error>");
        assertTrue(error >= 0, "no stream error; received: " + all);
        assertTrue(all.lastIndexOf("<stream:stream", error) >= 0, "no stream header before the error: " + all);
        String rest = all.substring(error);
        assertTrue(Pattern.compile("^<stream:error><" + Pattern.quote(condition)
                        + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>").matcher(rest).find(),
                "expected stream error " + condition + ", received: " + rest);
        assertTrue(rest.endsWith("</stream:stream>"), "the stream must be closed after the error: " + rest);
        return all;
    }

    /** Everything received since the connection (or its TLS switch) started. */
    String transcript() {
        return received.toString(StandardCharsets.UTF_8);
    }

    private int readSome(long deadline, String what) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            fail("timed out waiting for " + what + "; received: " + transcript().substring(mark));
        }
        socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
        byte[] chunk = new byte[8192];
        try {
            int n = in.read(chunk);
            if (n > 0) {
                received.write(chunk, 0, n);
            }
            return n;
        } catch (SocketTimeoutException e) {
            fail("timed out waiting for " + what + "; received: " + transcript().substring(mark));
            return -1;
        }
    }

    // --- Negotiation.

    /** Sends a header for our domain and reads up to the end of the features. */
    String openStream() throws IOException {
        send(header(DOMAIN));
        return readUntil("</stream:features>");
    }

    /** STARTTLS (RFC 6120 5): asks, waits for proceed, handshakes; the transcript starts afresh. */
    RawClient startTls(SSLContext tls) throws IOException {
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        readUntil(Pattern.compile("<proceed[^>]*/>"));
        switchToTls(tls);
        return this;
    }

    private void switchToTls(SSLContext tls) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, "127.0.0.1", port, true);
        ssl.setSoTimeout((int) WAIT.toMillis());
        ssl.startHandshake();
        socket = ssl;
        in = ssl.getInputStream();
        out = ssl.getOutputStream();
        received.reset();
        mark = 0;
    }

    /** Sends an {@code <auth/>} for SCRAM-SHA-256 and runs the exchange; returns the outcome element. */
    String authenticate(String user, String password) throws IOException {
        ScramClient scram = new ScramClient(ScramAlgorithm.SHA_256, user, password);
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256'>"
                + b64(scram.clientFirst()) + "</auth>");
        String step = readUntil(Pattern.compile("<challenge[^>]*>[^<]*</challenge>|<failure.*?</failure>", Pattern.DOTALL));
        if (step.contains("<failure")) {
            return step.substring(step.indexOf("<failure"));
        }
        Matcher challenge = Pattern.compile("<challenge[^>]*>([^<]*)</challenge>").matcher(step);
        assertTrue(challenge.find());
        send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + b64(scram.clientFinal(Base64.getDecoder().decode(challenge.group(1)))) + "</response>");
        String outcome = readUntil(Pattern.compile("<success[^>]*/>|<success[^>]*>[^<]*</success>|<failure.*?</failure>",
                Pattern.DOTALL));
        return outcome.substring(Math.max(outcome.indexOf("<success"), outcome.indexOf("<failure")));
    }

    /** Binds a resource; returns the full JID the server assigned. */
    String bind(String resource) throws IOException {
        String id = "bind-" + IDS.incrementAndGet();
        send("<iq type='set' id='" + id + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                + resource + "</resource></bind></iq>");
        String reply = readUntil(Pattern.compile("<iq[^>]*id='" + id + "'.*?</iq>", Pattern.DOTALL));
        Matcher jid = Pattern.compile("<jid>([^<]+)</jid>").matcher(reply);
        assertTrue(reply.contains("type='result'") && jid.find(), "bind failed: " + reply);
        return jid.group(1);
    }

    /** STARTTLS, SCRAM-SHA-256 and the stream restart, without binding (for XEP-0198 resumption). */
    static RawClient authenticated(int port, SSLContext tls, String user, String password) throws IOException {
        RawClient c = connect(port);
        c.openStream();
        c.startTls(tls);
        c.openStream();
        String outcome = c.authenticate(user, password);
        assertTrue(outcome.startsWith("<success"), "login failed: " + outcome);
        c.openStream();
        return c;
    }

    /** STARTTLS, SCRAM-SHA-256, stream restart, bind: a logged-in client. */
    static RawClient login(int port, SSLContext tls, String user, String password, String resource) throws IOException {
        RawClient c = authenticated(port, tls, user, password);
        c.bind(resource);
        return c;
    }

    /** XEP-0199 ping to the server; fails unless the result comes back in time. */
    void ping() throws IOException {
        String id = "ping-" + IDS.incrementAndGet();
        send("<iq type='get' id='" + id + "'><ping xmlns='urn:xmpp:ping'/></iq>");
        String reply = readUntil(Pattern.compile("<iq[^>]*id='" + id + "'[^>]*(/>|>.*?</iq>)", Pattern.DOTALL));
        assertTrue(reply.substring(reply.lastIndexOf("<iq")).contains("type='result'"), "ping failed: " + reply);
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket that may already be gone
        }
    }
}
