package im.hearth.actors.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SwitchableTls on real loopback sockets, joined with a line echo that stands in for the XMPP
 * stream: "STARTTLS" is answered with "PROCEED" and a switch, other lines come back marked
 * "plain:" or "tls:" depending on whether TlsEstablished has been seen.
 */
class SwitchableTlsIT {

  private static final long TIMEOUT_SECONDS = 10;

  @TempDir static Path certificates;
  private static ActorSystem<Void> system;
  private static TlsMaterial material;

  private final List<Tcp.ServerBinding> bindings = new ArrayList<>();

  @BeforeAll
  static void start() {
    system =
        ActorSystem.create(
            Behaviors.empty(),
            "SwitchableTlsIT",
            ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(ConfigFactory.load()));
    material = TlsMaterial.selfSigned(certificates, "example.net");
  }

  @AfterAll
  static void stop() {
    system.terminate();
  }

  @AfterEach
  void unbind() throws Exception {
    for (Tcp.ServerBinding binding : bindings) {
      binding.unbind().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void starttlsTurnsThePlaintextEchoIntoATlsEcho() throws Exception {
    EchoServer server = startServer(false);
    try (Socket raw = connect(server)) {
      writeLine(raw, "hello");
      assertEquals("plain:hello", readLine(raw));
      writeLine(raw, "STARTTLS");
      assertEquals("PROCEED", readLine(raw));

      SSLSocket tls = upgrade(raw, server);
      assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(tls.getSession().getProtocol()));
      writeLine(tls, "secret");
      assertEquals("tls:secret", readLine(tls));
      writeLine(tls, "again");
      assertEquals("tls:again", readLine(tls));
    }
  }

  @Test
  void plaintextSentInThePacketOfStarttlsIsNeverHandled() throws Exception {
    EchoServer server = startServer(false);
    try (Socket raw = connect(server)) {
      raw.getOutputStream().write("STARTTLS\nINJECTED\n".getBytes(StandardCharsets.US_ASCII));
      raw.getOutputStream().flush();
      assertEquals("PROCEED", readLine(raw));

      SSLSocket tls = upgrade(raw, server);
      writeLine(tls, "after");
      // the first line back is the answer to "after": nothing was echoed for INJECTED
      assertEquals("tls:after", readLine(tls));
    }
    assertFalse(server.handledLines.contains("INJECTED"), server.handledLines::toString);
    assertTrue(server.handledLines.contains("after"));
  }

  @Test
  void plaintextSentAfterProceedClosesTheConnectionWithoutReachingTheApplication()
      throws Exception {
    EchoServer server = startServer(false);
    try (Socket raw = connect(server)) {
      writeLine(raw, "STARTTLS");
      assertEquals("PROCEED", readLine(raw));
      writeLine(raw, "INJECTED");

      assertConnectionClosed(raw);
    }
    assertFailed(server.nextConnection());
    assertFalse(server.handledLines.contains("INJECTED"), server.handledLines::toString);
  }

  @Test
  void directTlsEchoesFromTheFirstByte() throws Exception {
    EchoServer server = startServer(true);
    try (Socket raw = connect(server)) {
      SSLSocket tls = upgrade(raw, server);
      writeLine(tls, "hi");
      assertEquals("tls:hi", readLine(tls));
    }
  }

  @Test
  void garbageInsteadOfAClientHelloClosesOnlyThatConnection() throws Exception {
    EchoServer server = startServer(true);
    try (Socket goodRaw = connect(server)) {
      SSLSocket good = upgrade(goodRaw, server);
      writeLine(good, "one");
      assertEquals("tls:one", readLine(good));
      CompletionStage<Done> goodConnection = server.nextConnection();

      try (Socket bad = connect(server)) {
        writeLine(bad, "this is not a ClientHello");
        assertConnectionClosed(bad);
      }
      assertFailed(server.nextConnection());

      writeLine(good, "two");
      assertEquals("tls:two", readLine(good));
      assertFalse(goodConnection.toCompletableFuture().isDone());
    }
  }

  @Test
  void peerClosingWithoutCloseNotifyEndsItsConnectionQuietly() throws Exception {
    EchoServer server = startServer(false);
    try (Socket socket = connect(server)) {
      Socket raw = socket;
      writeLine(raw, "STARTTLS");
      assertEquals("PROCEED", readLine(raw));
      SSLSocket tls = upgrade(raw, server);
      writeLine(tls, "bye");
      assertEquals("tls:bye", readLine(tls));
      // closing the TCP socket under the SSLSocket sends no close_notify
      raw.close();
    }
    assertEquals(
        Done.getInstance(),
        server.nextConnection().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));

    try (Socket raw = connect(server)) {
      writeLine(raw, "still there");
      assertEquals("plain:still there", readLine(raw));
    }
  }

  // --- the server under test -------------------------------------------------------------

  private record EchoServer(
      int port,
      Queue<String> handledLines,
      BlockingQueue<CompletionStage<Done>> connections) {

    /** How the next accepted connection ended (completes when it does). */
    CompletionStage<Done> nextConnection() throws InterruptedException {
      CompletionStage<Done> next = connections.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (next == null) throw new AssertionError("no connection accepted");
      return next;
    }
  }

  private EchoServer startServer(boolean directTls) throws Exception {
    Queue<String> handledLines = new ConcurrentLinkedQueue<>();
    BlockingQueue<CompletionStage<Done>> connections = new LinkedBlockingQueue<>();
    Tcp.ServerBinding binding =
        Tcp.get(system)
            .bind("127.0.0.1", 0)
            .to(
                Sink.foreach(
                    connection ->
                        connections.add(
                            connection.handleWith(
                                SwitchableTls.create(material::newServerEngine, directTls)
                                    .reversed()
                                    .join(lineEcho(handledLines), Keep.right()),
                                system))))
            .run(system)
            .toCompletableFuture()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    bindings.add(binding);
    return new EchoServer(binding.localAddress().getPort(), handledLines, connections);
  }

  /**
   * The application side: one line in, one line out. Like the XMPP stream after {@code
   * <starttls/>}, it drops whatever followed "STARTTLS" in the same chunk (RFC 6120 §5.4.3.3);
   * its termination is the connection's result.
   */
  private static Flow<NetIn, NetOut, CompletionStage<Done>> lineEcho(Queue<String> handledLines) {
    return Flow.<NetIn>create()
        .watchTermination(Keep.right())
        .statefulMapConcat(
            () -> {
              StringBuilder buffer = new StringBuilder();
              boolean[] tls = {false};
              return in -> {
                if (in instanceof NetIn.TlsEstablished) {
                  tls[0] = true;
                  return List.of();
                }
                buffer.append(((NetIn.Bytes) in).bytes().utf8String());
                List<NetOut> out = new ArrayList<>();
                for (int end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
                  String line = buffer.substring(0, end);
                  buffer.delete(0, end + 1);
                  handledLines.add(line);
                  if (line.equals("STARTTLS") && !tls[0]) {
                    out.add(new NetOut.Bytes(ByteString.fromString("PROCEED\n")));
                    out.add(NetOut.StartTls.INSTANCE);
                    buffer.setLength(0);
                    break;
                  }
                  String reply = (tls[0] ? "tls:" : "plain:") + line + "\n";
                  out.add(new NetOut.Bytes(ByteString.fromString(reply)));
                }
                return out;
              };
            });
  }

  // --- the client ------------------------------------------------------------------------

  private static Socket connect(EchoServer server) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
    socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    return socket;
  }

  private static SSLSocket upgrade(Socket raw, EchoServer server) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            TlsMaterial.trustingContext(material.certificate())
                .getSocketFactory()
                .createSocket(raw, "127.0.0.1", server.port(), true);
    tls.startHandshake();
    return tls;
  }

  private static void writeLine(Socket socket, String line) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** One line without buffering past it, so the raw socket can be handed to TLS after. */
  private static String readLine(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) return line.length() == 0 ? null : line.toString();
      line.append((char) b);
    }
    return line.toString();
  }

  private static void assertConnectionClosed(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      // a TLS alert may come first; then the server closes
      for (int b = in.read(); b >= 0; b = in.read()) {
        assertTrue(b <= 0xff);
      }
    } catch (IOException reset) {
      // a reset is a close too
    }
  }

  private static void assertFailed(CompletionStage<Done> connection) {
    assertThrows(
        ExecutionException.class,
        () -> connection.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
  }
}
