package im.hearth.actors.net;

import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BidiShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.TLSClosing;
import org.apache.pekko.stream.TLSProtocol.SendBytes;
import org.apache.pekko.stream.TLSProtocol.SessionBytes;
import org.apache.pekko.stream.TLSProtocol.SessionTruncated;
import org.apache.pekko.stream.TLSProtocol.SslTlsInbound;
import org.apache.pekko.stream.TLSProtocol.SslTlsOutbound;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.TLS;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * A transport stage that passes plaintext until the application asks for TLS, then runs both
 * directions through Pekko's {@link TLS} stage: STARTTLS (RFC 6120 §5) and, with {@code
 * startInTls}, direct TLS (XEP-0368).
 *
 * <p>Orientation is the same as Pekko's {@code TLS} bidi: the application is on the left, the
 * network on the right.
 *
 * <pre>
 *            +------------------------+
 *  NetOut ~> | top:    app -> network | ~> ByteString (to TCP)
 *  NetIn  <~ | bottom: network -> app | <~ ByteString (from TCP)
 *            +------------------------+
 * </pre>
 *
 * Joined with an accepted TCP connection, where {@code session} is the application's {@code
 * Flow<NetIn, NetOut, M>}:
 *
 * <pre>{@code
 * connection.handleWith(
 *     SwitchableTls.create(material::newServerEngine, false).reversed().join(session, Keep.right()),
 *     system);
 * }</pre>
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Plain mode forwards bytes unchanged both ways; it pulls one side only when the other
 *       side demands, so it holds no element of its own and backpressure passes straight
 *       through. The TLS sub-graph buffers at most its input buffer (16 elements by default).
 *   <li>{@link NetOut.StartTls}: every {@link NetOut.Bytes} sent before it (the {@code
 *       <proceed/>}) has already been pushed to the network; from then on everything the
 *       network delivers goes into TLS, which fails the connection on anything that is not a
 *       TLS record. Bytes that were already delivered to the application in the chunk holding
 *       {@code <starttls/>} are the application's to discard (its parser knows where the
 *       element ended, this stage does not): RFC 6120 §5.4.3.3 forbids the client to send
 *       anything before {@code <proceed/>}.
 *   <li>After the handshake the application receives {@link NetIn.TlsEstablished} exactly once,
 *       before any decrypted {@link NetIn.Bytes}. It is signalled when the handshake finishes
 *       (through the TLS stage's session verifier), or at the latest with the first decrypted
 *       bytes.
 *   <li>A peer that closes TCP without a TLS close_notify completes the inbound side normally.
 *       A failed handshake (or any TLS error) fails the inbound side with the {@code
 *       SSLException}, lets the TLS stage flush its alert, then closes the connection. Each
 *       connection materialises its own stage, so a failure never touches another connection.
 *   <li>Completing the application's outbound side in TLS mode sends close_notify; the TLS
 *       session is closed eagerly in both directions ({@link TLSClosing#eagerClose()}), like
 *       completing it in plain mode closes the TCP connection.
 * </ul>
 */
public final class SwitchableTls {

  private SwitchableTls() {}

  /**
   * @param engineFactory makes a fresh engine for each switch to TLS; its client/server mode and
   *     protocols are used as they are (for a listener: {@link TlsMaterial#newServerEngine()})
   * @param startInTls true for direct TLS (XEP-0368), false to start in plaintext (STARTTLS)
   */
  public static BidiFlow<NetOut, ByteString, ByteString, NetIn, NotUsed> create(
      Supplier<SSLEngine> engineFactory, boolean startInTls) {
    Objects.requireNonNull(engineFactory, "engineFactory");
    return BidiFlow.fromGraph(new Stage(engineFactory, startInTls));
  }

  private static final class Stage
      extends GraphStage<BidiShape<NetOut, ByteString, ByteString, NetIn>> {
    final Inlet<NetOut> appIn = Inlet.create("SwitchableTls.appIn");
    final Outlet<ByteString> netOut = Outlet.create("SwitchableTls.netOut");
    final Inlet<ByteString> netIn = Inlet.create("SwitchableTls.netIn");
    final Outlet<NetIn> appOut = Outlet.create("SwitchableTls.appOut");
    final BidiShape<NetOut, ByteString, ByteString, NetIn> shape =
        BidiShape.of(appIn, netOut, netIn, appOut);
    final Supplier<SSLEngine> engineFactory;
    final boolean startInTls;

    Stage(Supplier<SSLEngine> engineFactory, boolean startInTls) {
      this.engineFactory = engineFactory;
      this.startInTls = startInTls;
    }

    @Override
    public BidiShape<NetOut, ByteString, ByteString, NetIn> shape() {
      return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes inheritedAttributes) {
      return new Logic();
    }

    private final class Logic extends GraphStageLogic {
      private boolean tls;
      private boolean established;
      private SubSourceOutlet<SslTlsOutbound> toTlsPlain;
      private SubSinkInlet<ByteString> fromTlsCipher;
      private SubSourceOutlet<ByteString> toTlsCipher;
      private SubSinkInlet<SslTlsInbound> fromTlsPlain;
      // at most one ciphertext chunk: netIn may have been pulled in plain mode before the switch
      private ByteString pendingCipher;
      private boolean netInFinished;
      // set when TLS cancels one of its inputs; acted on once its inbound side has ended
      private boolean cancelAppIn;
      private boolean cancelNetIn;
      private final AsyncCallback<SSLSession> handshakeFinished =
          createAsyncCallback(this::onHandshakeFinished);

      Logic() {
        super(shape);
        setHandler(appIn, new AbstractInHandler() {
          @Override
          public void onPush() {
            NetOut message = grab(appIn);
            if (message instanceof NetOut.Bytes bytes) {
              if (!tls) push(netOut, bytes.bytes());
              else if (toTlsPlain.isAvailable()) toTlsPlain.push(new SendBytes(bytes.bytes()));
              // else TLS has stopped taking plaintext (its session is closing, the peer is gone):
              // in TLS mode appIn is pulled only for toTlsPlain, so these bytes have nowhere to go
              // (pushing them anyway failed the stage with "Cannot push port twice").
            } else if (tls) {
              failStage(new IllegalStateException("StartTls received while TLS is already on"));
            } else {
              switchToTls();
            }
          }

          @Override
          public void onUpstreamFinish() {
            if (tls) toTlsPlain.complete();
            else complete(netOut);
          }
        });
        setHandler(netOut, new AbstractOutHandler() {
          @Override
          public void onPull() {
            if (tls) pullIfIdle(fromTlsCipher);
            else pullIfIdle(appIn);
          }
        });
        setHandler(netIn, new AbstractInHandler() {
          @Override
          public void onPush() {
            ByteString bytes = grab(netIn);
            if (!tls) push(appOut, new NetIn.Bytes(bytes));
            else if (toTlsCipher.isAvailable()) toTlsCipher.push(bytes);
            else pendingCipher = bytes;
          }

          @Override
          public void onUpstreamFinish() {
            if (!tls) complete(appOut);
            else if (pendingCipher == null) toTlsCipher.complete();
            else netInFinished = true;
          }
        });
        setHandler(appOut, new AbstractOutHandler() {
          @Override
          public void onPull() {
            if (tls) pullIfIdle(fromTlsPlain);
            else pullIfIdle(netIn);
          }

          @Override
          public void onDownstreamFinish(Throwable cause) {
            if (tls) fromTlsPlain.cancel(cause);
            else cancel(netIn, cause);
          }
        });
      }

      @Override
      public void preStart() {
        if (startInTls) switchToTls();
      }

      private void switchToTls() {
        tls = true;
        toTlsPlain = new SubSourceOutlet<>("SwitchableTls.toTlsPlain");
        toTlsPlain.setHandler(new AbstractOutHandler() {
          @Override
          public void onPull() {
            pullIfIdle(appIn);
          }

          @Override
          public void onDownstreamFinish(Throwable cause) {
            cancelAppIn = true;
            cancelInletsOnceInboundEnded();
          }
        });
        fromTlsCipher = new SubSinkInlet<>("SwitchableTls.fromTlsCipher");
        fromTlsCipher.setHandler(new AbstractInHandler() {
          @Override
          public void onPush() {
            push(netOut, fromTlsCipher.grab());
          }

          @Override
          public void onUpstreamFinish() {
            complete(netOut);
          }

          @Override
          public void onUpstreamFailure(Throwable ex) {
            failStage(ex);
          }
        });
        toTlsCipher = new SubSourceOutlet<>("SwitchableTls.toTlsCipher");
        toTlsCipher.setHandler(new AbstractOutHandler() {
          @Override
          public void onPull() {
            if (pendingCipher != null) {
              toTlsCipher.push(pendingCipher);
              pendingCipher = null;
              if (netInFinished) toTlsCipher.complete();
            } else {
              pullIfIdle(netIn);
            }
          }

          @Override
          public void onDownstreamFinish(Throwable cause) {
            cancelNetIn = true;
            cancelInletsOnceInboundEnded();
          }
        });
        fromTlsPlain = new SubSinkInlet<>("SwitchableTls.fromTlsPlain");
        fromTlsPlain.setHandler(new AbstractInHandler() {
          @Override
          public void onPush() {
            SslTlsInbound inbound = fromTlsPlain.grab();
            if (inbound instanceof SessionBytes sessionBytes) {
              onHandshakeFinished(sessionBytes.session());
              emit(appOut, new NetIn.Bytes(sessionBytes.bytes()));
            } else if (inbound instanceof SessionTruncated) {
              // the peer closed TCP without close_notify: an ordinary end of this connection
              complete(appOut);
            }
          }

          @Override
          public void onUpstreamFinish() {
            complete(appOut);
            cancelInletsOnceInboundEnded();
          }

          @Override
          public void onUpstreamFailure(Throwable ex) {
            // Not failStage: the TLS stage is still flushing its alert to the peer and will
            // complete the network side (closing the connection) when done.
            fail(appOut, ex);
            cancelInletsOnceInboundEnded();
          }
        });

        var tlsStage =
            TLS.create(engineFactory, handshakeFinished::invoke, TLSClosing.eagerClose());
        var transport =
            Flow.<ByteString, ByteString>fromSinkAndSource(
                fromTlsCipher.sink(), toTlsCipher.source());
        Source.fromGraph(toTlsPlain.source())
            .via(tlsStage.join(transport))
            .runWith(Sink.fromGraph(fromTlsPlain.sink()), subFusingMaterializer());

        if (isAvailable(netOut)) fromTlsCipher.pull();
        if (isAvailable(appOut)) fromTlsPlain.pull();
        if (isClosed(netIn)) toTlsCipher.complete();
      }

      /**
       * TLS cancels both its inputs as soon as it fails, and only then fails its inbound side.
       * Passing those cancellations on at once would let the TCP stage close and complete this
       * stage before the failure arrives, so the application would see a quiet end instead of
       * the SSLException. So they wait until the application has its inbound outcome.
       */
      private void cancelInletsOnceInboundEnded() {
        if (!fromTlsPlain.isClosed()) return;
        if (cancelAppIn) cancel(appIn);
        if (cancelNetIn) cancel(netIn);
      }

      private void onHandshakeFinished(SSLSession session) {
        if (!established) {
          established = true;
          emit(appOut, new NetIn.TlsEstablished(session));
        }
      }

      private void pullIfIdle(Inlet<?> in) {
        if (!hasBeenPulled(in) && !isClosed(in)) pull(in);
      }

      private void pullIfIdle(SubSinkInlet<?> in) {
        if (!in.hasBeenPulled() && !in.isClosed()) in.pull();
      }
    }
  }
}
