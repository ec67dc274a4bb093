package im.hearth.actors.net;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TlsEngine without sockets or streams: a client engine and the server's, with the network
 * between them played by this test (whole flights, or cut into pieces to split records).
 */
class TlsEngineTest {

  @TempDir static Path certificates;
  private static TlsMaterial material;

  @BeforeAll
  static void load() {
    material = TlsMaterial.selfSigned(certificates, "example.net");
  }

  @Test
  void handshakeFinishesOnceAndCarriesDataBothWays() throws Exception {
    Pair pair = new Pair(Integer.MAX_VALUE);
    pair.handshake();
    assertEquals(1, pair.serverFinished);
    assertTrue(pair.server.session().getProtocol().startsWith("TLSv1."));

    assertEquals("<presence/>", pair.toServer(ByteString.fromString("<presence/>")).utf8String());
    assertEquals("<message/>", pair.toClient(ByteString.fromString("<message/>")).utf8String());
  }

  @Test
  void recordsCutIntoSingleBytesStillArriveWhole() throws Exception {
    Pair pair = new Pair(1);
    pair.handshake();
    assertEquals("<iq type='get'/>", pair.toServer(ByteString.fromString("<iq type='get'/>")).utf8String());
    assertEquals("<iq type='result'/>", pair.toClient(ByteString.fromString("<iq type='result'/>")).utf8String());
  }

  @Test
  void writesLargerThanARecordSpanSeveralRecords() throws Exception {
    Pair pair = new Pair(7_000);
    pair.handshake();
    byte[] big = new byte[100_000];
    Arrays.fill(big, (byte) 'x');
    assertEquals(ByteString.fromArray(big), pair.toClient(ByteString.fromArray(big)));
    assertEquals(ByteString.fromArray(big), pair.toServer(ByteString.fromArray(big)));
  }

  @Test
  void plaintextWrittenBeforeTheHandshakeEndsIsHeldUntilItDoes() throws Exception {
    Pair pair = new Pair(Integer.MAX_VALUE);
    TlsEngine.Output early = pair.server.send(ByteString.fromString("early"));
    assertTrue(early.toNetwork().isEmpty());
    assertTrue(pair.server.holdsPlaintext());

    pair.handshake();
    assertFalse(pair.server.holdsPlaintext());
    assertEquals("early", pair.clientReceived.utf8String());
  }

  @Test
  void closeNotifyEndsTheInboundSideAndIsNoTruncation() throws Exception {
    Pair pair = new Pair(Integer.MAX_VALUE);
    pair.handshake();
    TlsEngine.Output atServer = pair.server.receive(pair.client.closeOutbound());
    assertTrue(atServer.inboundClosed());
    assertDoesNotThrow(pair.server::peerClosed);
  }

  @Test
  void aPeerThatJustClosesTcpIsReportedAsTruncation() throws Exception {
    Pair pair = new Pair(Integer.MAX_VALUE);
    pair.handshake();
    assertThrows(SSLException.class, pair.server::peerClosed);
  }

  @Test
  void bytesThatAreNotTlsFailTheEngine() throws Exception {
    TlsEngine server = new TlsEngine(material.newServerEngine());
    assertThrows(SSLException.class,
        () -> server.receive(ByteString.fromString("<stream:stream to='example.net'>")));
    assertDoesNotThrow(server::pendingRecords);
  }

  @Test
  void aTamperedRecordFailsTheEngine() throws Exception {
    Pair pair = new Pair(Integer.MAX_VALUE);
    pair.handshake();
    byte[] record = pair.client.send(ByteString.fromString("<message/>")).toNetwork().toArray();
    record[record.length - 1] ^= 1;
    assertThrows(SSLException.class, () -> pair.server.receive(ByteString.fromArray(record)));
  }

  /** A client and a server engine; the network delivers at most {@code chunk} bytes at a time. */
  private static final class Pair {
    final TlsEngine client;
    final TlsEngine server;
    final int chunk;
    int serverFinished;
    ByteString clientReceived = ByteString.emptyByteString();
    ByteString serverReceived = ByteString.emptyByteString();

    Pair(int chunk) throws Exception {
      SSLEngine clientEngine =
          TlsMaterial.trustingContext(material.certificate()).createSSLEngine("example.net", 5222);
      clientEngine.setUseClientMode(true);
      this.client = new TlsEngine(clientEngine);
      this.server = new TlsEngine(material.newServerEngine());
      this.chunk = chunk;
    }

    void handshake() throws Exception {
      ByteString toServer = client.send(ByteString.emptyByteString()).toNetwork();
      for (int flights = 0; flights < 10 && !toServer.isEmpty(); flights++) {
        ByteString toClient = deliverToServer(toServer);
        toServer = deliverToClient(toClient);
      }
      assertTrue(toServer.isEmpty(), "the handshake did not settle");
    }

    ByteString toServer(ByteString plain) throws Exception {
      serverReceived = ByteString.emptyByteString();
      deliverToServer(client.send(plain).toNetwork());
      return serverReceived;
    }

    ByteString toClient(ByteString plain) throws Exception {
      clientReceived = ByteString.emptyByteString();
      deliverToClient(server.send(plain).toNetwork());
      return clientReceived;
    }

    /** Returns what the server wrote back. */
    private ByteString deliverToServer(ByteString cipher) throws Exception {
      ByteString back = ByteString.emptyByteString();
      for (ByteString piece : pieces(cipher)) {
        TlsEngine.Output out = server.receive(piece);
        if (out.handshakeFinished()) serverFinished++;
        serverReceived = serverReceived.concat(out.toApplication());
        back = back.concat(out.toNetwork());
      }
      return back;
    }

    /** Returns what the client wrote back. */
    private ByteString deliverToClient(ByteString cipher) throws Exception {
      ByteString back = ByteString.emptyByteString();
      for (ByteString piece : pieces(cipher)) {
        TlsEngine.Output out = client.receive(piece);
        clientReceived = clientReceived.concat(out.toApplication());
        back = back.concat(out.toNetwork());
      }
      return back;
    }

    private ByteString[] pieces(ByteString bytes) {
      int size = Math.max(1, Math.min(chunk, bytes.size()));
      ByteString[] pieces = new ByteString[(bytes.size() + size - 1) / size];
      for (int i = 0; i < pieces.length; i++) {
        pieces[i] = bytes.slice(i * size, Math.min(bytes.size(), (i + 1) * size));
      }
      return pieces;
    }
  }
}
