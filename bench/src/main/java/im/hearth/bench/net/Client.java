package im.hearth.bench.net;

import im.hearth.protocol.sasl.ScramAlgorithm;
import im.hearth.protocol.stanza.StreamErrorException;
import im.hearth.protocol.stream.StreamEvent;
import im.hearth.protocol.stream.StreamHeader;
import im.hearth.protocol.stream.StreamLimits;
import im.hearth.protocol.stream.XmlStreamParser;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * One XMPP client connection on a {@link Loop}: TCP, STARTTLS or direct TLS with {@link SSLEngine},
 * SCRAM, resource binding and initial presence (RFC 6120 §5–7, RFC 6121 §4.2), or in-band
 * registration (XEP-0077) instead of the login. Every method runs on the loop's thread; other
 * threads use {@link #post}. No thread per connection, and an idle connection holds no buffers
 * but its parser's and its TLS engine's.
 */
public final class Client {

    /** What the scenario hears; called on the loop thread. */
    public interface Handler {
        /** Logged in and bound (initial presence sent); or, in registration mode, the account exists. */
        default void online(Client c) {
        }

        /** A stanza that is not the answer to one of our own IQs. */
        default void stanza(Client c, Element stanza) {
        }

        /** The connection ended without {@link #close()}: during login, or after. */
        default void failed(Client c, String reason) {
        }
    }

    /** How every client of a run connects. */
    public record Settings(InetSocketAddress address, String domain, SSLContext tls, boolean directTls,
                           ScramAlgorithm algorithm, Scram.Cache scramCache, Executor hiExecutor,
                           long loginTimeoutNanos, boolean initialPresence, boolean tlsResume) {
    }

    private enum Phase { CONNECTING, NEGOTIATING, STARTTLS, REGISTERING, AUTHENTICATING, BINDING, ONLINE, CLOSED }

    private static final StreamLimits LIMITS = new StreamLimits(4 * 1024 * 1024, 64, 64, 64 * 1024, 8 * 1024);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Loop loop;
    private final Settings settings;
    private final Handler handler;
    private final String user;
    private final String password;
    private final String resource;
    private final boolean register;

    private SocketChannel channel;
    private SelectionKey key;
    private SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appOut;
    private boolean pumping;
    private boolean repump;
    private XmlStreamParser parser = new XmlStreamParser(LIMITS);
    private Phase phase = Phase.CONNECTING;
    private boolean authenticated;
    private boolean closingByUs;
    private Scram scram;
    private boolean sessionRequired;
    private String jid;
    private int iqCounter;
    private Map<String, Consumer<Element>> pendingIqs;
    private long startNanos;
    private long onlineNanos;

    /** Free for the scenario's own per-client data. */
    public Object attachment;

    public Client(Loop loop, Settings settings, Handler handler, String user, String password, String resource,
                  boolean register) {
        this.loop = loop;
        this.settings = settings;
        this.handler = handler;
        this.user = user;
        this.password = password;
        this.resource = resource;
        this.register = register;
    }

    public String user() {
        return user;
    }

    public String bareJid() {
        return user + "@" + settings.domain();
    }

    /** The full JID the server bound, once online. */
    public String jid() {
        return jid;
    }

    public boolean isOnline() {
        return phase == Phase.ONLINE;
    }

    public Loop loop() {
        return loop;
    }

    /** Nanoseconds from the start of the connection to being online. */
    public long loginNanos() {
        return onlineNanos - startNanos;
    }

    public void post(Runnable r) {
        loop.execute(r);
    }

    /** Opens the connection; from any thread. */
    public void start() {
        loop.execute(this::connect);
    }

    private void connect() {
        startNanos = System.nanoTime();
        loop.schedule(settings.loginTimeoutNanos(), () -> {
            if (phase != Phase.ONLINE && phase != Phase.CLOSED) {
                fail("timed out while " + phase.name().toLowerCase());
            }
        });
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(settings.address());
            key = channel.register(loop.selector(), connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (connected) {
                connected();
            }
        } catch (IOException e) {
            fail("cannot connect: " + e.getMessage());
        }
    }

    void onReady(SelectionKey k) {
        try {
            if (k.isValid() && k.isConnectable()) {
                channel.finishConnect();
                k.interestOps(SelectionKey.OP_READ);
                connected();
            }
            if (k.isValid() && k.isReadable()) {
                readable();
            }
            if (k.isValid() && k.isWritable()) {
                flush();
            }
        } catch (IOException e) {
            fail("I/O error: " + e.getMessage());
        } catch (java.nio.channels.CancelledKeyException e) {
            // closed while the selector still reported it
        }
    }

    private void connected() {
        phase = Phase.NEGOTIATING;
        if (settings.directTls()) {
            startTls();
        } else {
            sendHeader();
        }
    }

    // ---- XMPP --------------------------------------------------------------------------------

    private void sendHeader() {
        sendRaw(new StreamHeader(settings.domain(), null, null, "1.0", "en", Namespaces.CLIENT).toXml());
    }

    /** Sends a stanza or nonza; elements in jabber:client are written without xmlns. */
    public void send(Element e) {
        sendRaw(XmlWriter.write(e, Namespaces.CLIENT));
    }

    /** Sends an IQ with a fresh id and calls back with the reply (result or error). */
    public void sendIq(Element iq, Consumer<Element> onReply) {
        String id = "b" + (++iqCounter);
        if (pendingIqs == null) {
            pendingIqs = new HashMap<>(4);
        }
        pendingIqs.put(id, onReply);
        send(iq.withAttr("id", id));
    }

    private void handle(StreamEvent ev) {
        if (ev instanceof StreamEvent.Child child) {
            element(child.element());
        } else if (ev instanceof StreamEvent.Close) {
            if (closingByUs) {
                closeChannel();
            } else {
                fail("the server closed the stream while " + phase.name().toLowerCase());
            }
        }
        // Open: nothing to check; the features follow
    }

    private void element(Element e) {
        if (e.is("error", Namespaces.STREAM)) {
            String condition = e.firstChild(Namespaces.STREAM_ERRORS).map(Element::name).orElse("?");
            fail("stream error " + condition + e.childText("text", Namespaces.STREAM_ERRORS).map(t -> ": " + t).orElse(""));
            return;
        }
        switch (phase) {
            case NEGOTIATING -> {
                if (e.is("features", Namespaces.STREAM)) {
                    features(e);
                } else {
                    fail("expected stream features, got " + e.name());
                }
            }
            case STARTTLS -> {
                if (e.is("proceed", Namespaces.TLS)) {
                    startTls();
                } else {
                    fail("STARTTLS refused");
                }
            }
            case AUTHENTICATING -> sasl(e);
            default -> {
                String id = e.attr("id");
                Consumer<Element> callback;
                if (e.name().equals("iq") && id != null && pendingIqs != null
                        && (callback = pendingIqs.remove(id)) != null
                        && ("result".equals(e.attr("type")) || "error".equals(e.attr("type")))) {
                    callback.accept(e);
                } else if (e.name().equals("iq") && "get".equals(e.attr("type")) && e.child("ping", Namespaces.PING).isPresent()) {
                    // XEP-0199: a server's keepalive ping; a client that only receives (the mam owner
                    // during a long fill) would otherwise be disconnected for not answering.
                    send(Element.builder("iq", Namespaces.CLIENT).attr("type", "result").attr("id", id)
                            .attr("to", e.attr("from")).build());
                } else if (phase == Phase.ONLINE) {
                    handler.stanza(this, e);
                }
            }
        }
    }

    private void features(Element features) {
        if (engine == null) {
            if (features.child("starttls", Namespaces.TLS).isPresent()) {
                phase = Phase.STARTTLS;
                send(Element.of("starttls", Namespaces.TLS));
            } else {
                fail("the server offers no STARTTLS");
            }
        } else if (register && !authenticated) {
            register();
        } else if (!authenticated) {
            List<String> offered = features.child("mechanisms", Namespaces.SASL)
                    .map(m -> m.children("mechanism", Namespaces.SASL).stream().map(Element::text).toList())
                    .orElse(List.of());
            scram = new Scram(settings.algorithm(), user, password, settings.scramCache());
            if (!offered.contains(scram.mechanism())) {
                fail("the server does not offer " + scram.mechanism() + " (offers " + offered + ")");
                return;
            }
            phase = Phase.AUTHENTICATING;
            send(Element.builder("auth", Namespaces.SASL).attr("mechanism", scram.mechanism())
                    .text(Base64.getEncoder().encodeToString(scram.clientFirst())).build());
        } else {
            sessionRequired = features.child("session", Namespaces.SESSION)
                    .map(s -> s.child("optional", Namespaces.SESSION).isEmpty()).orElse(false);
            phase = Phase.BINDING;
            sendIq(Element.builder("iq", Namespaces.CLIENT).attr("type", "set")
                    .child(Element.builder("bind", Namespaces.BIND).textChild("resource", Namespaces.BIND, resource).build())
                    .build(), this::bound);
        }
    }

    private void sasl(Element e) {
        if (!Namespaces.SASL.equals(e.namespace())) {
            fail("unexpected " + e.name() + " during SASL");
            return;
        }
        byte[] data = Base64.getDecoder().decode(e.text().trim());
        switch (e.name()) {
            case "challenge" -> {
                boolean cheap;
                try {
                    cheap = scram.serverFirst(data);
                } catch (IllegalArgumentException ex) {
                    fail("bad SCRAM challenge: " + ex.getMessage());
                    return;
                }
                if (cheap) {
                    respond(scram.clientFinal());
                } else {
                    // Hi is CPU-heavy: keep it off the I/O loop, which serves thousands of clients.
                    settings.hiExecutor().execute(() -> {
                        byte[] response = scram.clientFinal();
                        loop.execute(() -> respond(response));
                    });
                }
            }
            case "success" -> {
                if (data.length > 0 && !scram.verifyServerFinal(data)) {
                    fail("the server's SCRAM signature is wrong");
                    return;
                }
                authenticated = true;
                restartStream(true);
            }
            case "failure" -> fail("authentication failed: "
                    + e.firstChild(Namespaces.SASL).map(Element::name).orElse("?"));
            default -> fail("unexpected SASL element " + e.name());
        }
    }

    private void respond(byte[] clientFinal) {
        if (phase == Phase.AUTHENTICATING) {
            send(Element.builder("response", Namespaces.SASL)
                    .text(Base64.getEncoder().encodeToString(clientFinal)).build());
        }
    }

    private void restartStream(boolean keepUnconsumed) {
        XmlStreamParser old = parser;
        parser = new XmlStreamParser(LIMITS);
        byte[] rest = old.unconsumed();
        if (keepUnconsumed && rest.length > 0) {
            parser.feed(rest);
        }
        phase = Phase.NEGOTIATING;
        sendHeader();
    }

    private void bound(Element reply) {
        if (!"result".equals(reply.attr("type"))) {
            fail("bind refused: " + errorCondition(reply));
            return;
        }
        jid = reply.child("bind", Namespaces.BIND).flatMap(b -> b.childText("jid", Namespaces.BIND)).orElse(null);
        if (sessionRequired) {
            sendIq(Element.builder("iq", Namespaces.CLIENT).attr("type", "set")
                    .child(Element.of("session", Namespaces.SESSION)).build(), r -> online());
        } else {
            online();
        }
    }

    private void online() {
        if (settings.initialPresence()) {
            send(Element.of("presence", Namespaces.CLIENT));
        }
        phase = Phase.ONLINE;
        onlineNanos = System.nanoTime();
        handler.online(this);
    }

    private void register() {
        phase = Phase.REGISTERING;
        sendIq(Element.builder("iq", Namespaces.CLIENT).attr("type", "set").attr("to", settings.domain())
                .child(Element.builder("query", "jabber:iq:register")
                        .textChild("username", "jabber:iq:register", user)
                        .textChild("password", "jabber:iq:register", password).build())
                .build(), reply -> {
                    String condition = errorCondition(reply);
                    if ("result".equals(reply.attr("type")) || "conflict".equals(condition)) {
                        phase = Phase.ONLINE;
                        onlineNanos = System.nanoTime();
                        handler.online(this);
                    } else {
                        fail("registration refused: " + condition);
                    }
                });
    }

    /** The defined condition of an error stanza, or null. */
    public static String errorCondition(Element stanza) {
        return stanza.child("error", stanza.namespace())
                .flatMap(err -> err.firstChild(Namespaces.STANZA_ERRORS)).map(Element::name).orElse(null);
    }

    /** Ends the stream politely and closes the socket; no callback follows. From the loop thread. */
    public void close() {
        if (phase == Phase.CLOSED || closingByUs) {
            return;
        }
        closingByUs = true;
        if (channel == null || phase == Phase.CONNECTING) {
            closeChannel();
            return;
        }
        sendRaw("</stream:stream>");
        if (engine != null) {
            engine.closeOutbound();
            pump();
        }
        // Do not wait for the server's answer for long: a bench run must end.
        loop.schedule(2_000_000_000L, this::closeChannel);
    }

    private void fail(String reason) {
        if (phase == Phase.CLOSED) {
            return;
        }
        boolean quiet = closingByUs;
        closeChannel();
        if (!quiet) {
            handler.failed(this, reason);
        }
    }

    private void closeChannel() {
        phase = Phase.CLOSED;
        pendingIqs = null;
        netIn = null;
        netOut = null;
        appOut = null;
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---- bytes ---------------------------------------------------------------------------------

    private void startTls() {
        // Bytes after <proceed/> are dropped with the old parser (RFC 6120 §5.4.3.3).
        // With a peer host and port the JDK caches the session and resumes it on the next handshake
        // (no certificate, no signature to verify): cheaper for both sides, as for a reconnecting
        // client. Without, every login is a full handshake, as for a client's first connection.
        engine = settings.tlsResume()
                ? settings.tls().createSSLEngine(settings.address().getHostString(), settings.address().getPort())
                : settings.tls().createSSLEngine();
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName(settings.domain())));
        engine.setSSLParameters(p);
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            fail("TLS: " + e.getMessage());
            return;
        }
        restartStream(false);
    }

    private void sendRaw(String xml) {
        if (phase == Phase.CLOSED) {
            return;
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (engine == null) {
            netOut = append(netOut, ByteBuffer.wrap(bytes));
            flush();
        } else {
            appOut = append(appOut, ByteBuffer.wrap(bytes));
            pump();
        }
    }

    private void readable() throws IOException {
        ByteBuffer rb = loop.readBuffer;
        rb.clear();
        int n = channel.read(rb);
        if (n < 0) {
            if (closingByUs) {
                closeChannel();
            } else {
                fail("the server closed the connection while " + phase.name().toLowerCase());
            }
            return;
        }
        if (n == 0) {
            return;
        }
        rb.flip();
        if (engine == null) {
            deliver(rb);
        } else {
            netIn = append(netIn, rb);
            pump();
        }
    }

    /** Moves bytes through the TLS engine until neither direction can progress, then writes. */
    private void pump() {
        if (pumping) {
            repump = true;
            return;
        }
        pumping = true;
        try {
            do {
                repump = false;
                boolean progress = true;
                while (progress && phase != Phase.CLOSED) {
                    progress = false;
                    switch (engine.getHandshakeStatus()) {
                        case NEED_TASK -> {
                            Runnable t;
                            while ((t = engine.getDelegatedTask()) != null) {
                                t.run();
                            }
                            progress = true;
                        }
                        case NEED_WRAP -> progress = wrap();
                        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> progress = unwrap();
                        default -> {
                            if (appOut != null && appOut.position() > 0) {
                                progress = wrap();
                            }
                            if (netIn != null && netIn.position() > 0) {
                                progress |= unwrap();
                            }
                        }
                    }
                }
            } while (repump && phase != Phase.CLOSED);
        } finally {
            pumping = false;
        }
        flush();
    }

    private boolean wrap() {
        ByteBuffer src = appOut == null ? EMPTY : appOut.flip();
        ByteBuffer dst = loop.wrapBuffer;
        dst.clear();
        SSLEngineResult r;
        try {
            r = engine.wrap(src, dst);
        } catch (SSLException e) {
            fail("TLS: " + e.getMessage());
            return false;
        } finally {
            if (appOut != null) {
                appOut.compact();
            }
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            loop.wrapBuffer = ByteBuffer.allocate(engine.getSession().getPacketBufferSize() + 1024);
            return true;
        }
        if (r.bytesProduced() > 0) {
            dst.flip();
            netOut = append(netOut, dst);
        }
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            return false;
        }
        return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
    }

    private boolean unwrap() {
        if (netIn == null || netIn.position() == 0) {
            return false;
        }
        ByteBuffer app = loop.appBuffer;
        app.clear();
        netIn.flip();
        SSLEngineResult r;
        try {
            r = engine.unwrap(netIn, app);
        } catch (SSLException e) {
            fail("TLS: " + e.getMessage());
            return false;
        } finally {
            if (netIn != null) {
                netIn.compact();
            }
        }
        switch (r.getStatus()) {
            case BUFFER_OVERFLOW -> {
                loop.appBuffer = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize() + 1024);
                return true;
            }
            case BUFFER_UNDERFLOW -> {
                return false;
            }
            case CLOSED -> {
                if (closingByUs) {
                    closeChannel();
                } else {
                    fail("the server closed TLS while " + phase.name().toLowerCase());
                }
                return false;
            }
            default -> {
            }
        }
        if (r.bytesProduced() > 0) {
            app.flip();
            deliver(app);
        }
        if (netIn != null && netIn.position() == 0 && netIn.capacity() > 16 * 1024) {
            netIn = null; // an idle connection keeps no large buffer
        }
        return r.bytesConsumed() > 0 || r.bytesProduced() > 0;
    }

    /** Plaintext from the server into the parser, and each complete element to {@link #handle}. */
    private void deliver(ByteBuffer plain) {
        while (plain.hasRemaining() && phase != Phase.CLOSED) {
            if (!parser.needsInput()) {
                return; // the stream is closed or failed; what follows is ignored
            }
            parser.feed(plain);
            try {
                StreamEvent ev;
                while (phase != Phase.CLOSED && (ev = parser.next()) != null) {
                    handle(ev);
                }
            } catch (StreamErrorException e) {
                fail("the server sent bad XML: " + e.getMessage());
            }
        }
    }

    private void flush() {
        if (phase == Phase.CLOSED || channel == null) {
            return;
        }
        try {
            if (netOut != null && netOut.position() > 0) {
                netOut.flip();
                channel.write(netOut);
                netOut.compact();
            }
            boolean pending = netOut != null && netOut.position() > 0;
            if (key != null && key.isValid() && phase != Phase.CONNECTING) {
                key.interestOps(pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }
            if (!pending && netOut != null && netOut.capacity() > 16 * 1024) {
                netOut = null;
            }
        } catch (IOException e) {
            fail("I/O error: " + e.getMessage());
        }
    }

    /** Appends src to a buffer in write mode, growing (or creating) it as needed. */
    private static ByteBuffer append(ByteBuffer buf, ByteBuffer src) {
        int need = src.remaining();
        if (buf == null) {
            buf = ByteBuffer.allocate(Math.max(need, 512));
        } else if (buf.remaining() < need) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + need));
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        buf.put(src);
        return buf;
    }
}
