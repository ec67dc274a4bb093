package im.hearth.actors.net;

import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BidiShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.BidiFlow;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.util.ByteString;

/**
 * A transport stage that passes plaintext until the application asks for TLS, then runs both
 * directions through TLS: STARTTLS (RFC 6120 §5) and, with {@code startInTls}, direct TLS
 * (XEP-0368). The {@link javax.net.ssl.SSLEngine} runs inside this stage ({@link TlsEngine}), not
 * in Pekko's TLS stage: that one is an actor of its own per connection with about 90 KB of
 * buffers that it keeps for the connection's life, which made up most of an idle session.
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
 *       through. In TLS mode it holds at most an incomplete record, and output the network side
 *       has not pulled yet.
 *   <li>{@link NetOut.StartTls}: every {@link NetOut.Bytes} sent before it (the {@code
 *       <proceed/>}) has already been pushed to the network; from then on everything the
 *       network delivers goes into TLS, which fails the connection on anything that is not a
 *       TLS record. Bytes that were already delivered to the application in the chunk holding
 *       {@code <starttls/>} are the application's to discard (its parser knows where the
 *       element ended, this stage does not): RFC 6120 §5.4.3.3 forbids the client to send
 *       anything before {@code <proceed/>}.
 *   <li>After the handshake the application receives {@link NetIn.TlsEstablished} exactly once,
 *       before any decrypted {@link NetIn.Bytes}. It is signalled when the handshake finishes
 *       (the engine reports it), or at the latest with the first decrypted bytes.
 *   <li>A peer that closes TCP without a TLS close_notify completes the inbound side normally.
 *       A failed handshake (or any TLS error) fails the inbound side with the {@code
 *       SSLException}, writes the engine's alert, then closes the connection. Each
 *       connection materialises its own stage, so a failure never touches another connection.
 *   <li>Completing the application's outbound side in TLS mode sends close_notify, then
 *       completes the network side, like completing it in plain mode closes the TCP connection.
 *       A close_notify from the peer completes the application's inbound side.
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
      private TlsEngine tls;
      private boolean established;
      private boolean outboundClosed;

      Logic() {
        super(shape);
        setHandler(appIn, new AbstractInHandler() {
          @Override
          public void onPush() {
            NetOut message = grab(appIn);
            if (message instanceof NetOut.Bytes bytes) {
              if (tls == null) push(netOut, bytes.bytes());
              else if (!outboundClosed) encrypt(bytes.bytes());
            } else if (tls != null) {
              failStage(new IllegalStateException("StartTls received while TLS is already on"));
            } else {
              switchToTls();
            }
          }

          @Override
          public void onUpstreamFinish() {
            if (tls == null) complete(netOut);
            else closeOutbound(tls.closeOutbound());
          }
        });
        setHandler(netOut, new AbstractOutHandler() {
          @Override
          public void onPull() {
            if (tls == null || !tls.holdsPlaintext()) pullIfIdle(appIn);
          }
        });
        setHandler(netIn, new AbstractInHandler() {
          @Override
          public void onPush() {
            ByteString bytes = grab(netIn);
            if (tls == null) push(appOut, new NetIn.Bytes(bytes));
            else decrypt(bytes);
          }

          @Override
          public void onUpstreamFinish() {
            if (tls == null || isClosed(appOut)) {
              complete(appOut);
              return;
            }
            try {
              tls.peerClosed();
            } catch (SSLException truncated) {
              // the peer closed TCP without close_notify: an ordinary end of this connection
            }
            complete(appOut);
          }
        });
        setHandler(appOut, new AbstractOutHandler() {
          @Override
          public void onPull() {
            pullIfIdle(netIn);
          }

          @Override
          public void onDownstreamFinish(Throwable cause) {
            cancel(netIn, cause);
          }
        });
      }

      @Override
      public void preStart() {
        if (startInTls) switchToTls();
      }

      private void switchToTls() {
        try {
          tls = new TlsEngine(engineFactory.get());
        } catch (SSLException | RuntimeException e) {
          failStage(e);
          return;
        }
        // netIn may have been pulled in plain mode: what it brings now is the client's first
        // TLS record (decrypt handles it like any other).
        if (isAvailable(netOut)) pullIfIdle(appIn);
        if (isAvailable(appOut)) pullIfIdle(netIn);
      }

      private void decrypt(ByteString cipher) {
        TlsEngine.Output result;
        try {
          result = tls.receive(cipher);
        } catch (SSLException e) {
          failTls(e);
          return;
        }
        toNetwork(result.toNetwork());
        if (isAvailable(netOut) && !tls.holdsPlaintext()) pullIfIdle(appIn);
        if (result.handshakeFinished() || !result.toApplication().isEmpty()) signalEstablished();
        if (!result.toApplication().isEmpty()) emit(appOut, new NetIn.Bytes(result.toApplication()));
        if (result.inboundClosed()) {
          complete(appOut);
        } else if (isAvailable(appOut) || !established) {
          // nothing for the application yet (a handshake message, a partial record): read on
          pullIfIdle(netIn);
        }
      }

      private void encrypt(ByteString plain) {
        try {
          toNetwork(tls.send(plain).toNetwork());
        } catch (SSLException e) {
          failTls(e);
          return;
        }
        if (isAvailable(netOut) && !tls.holdsPlaintext()) pullIfIdle(appIn);
      }

      private void toNetwork(ByteString cipher) {
        if (!cipher.isEmpty() && !isClosed(netOut)) {
          emit(netOut, cipher);
        }
      }

      /** Completing the application's outbound side ends TLS: close_notify, then TCP closes. */
      private void closeOutbound(ByteString closeNotify) {
        outboundClosed = true;
        if (closeNotify.isEmpty() || isClosed(netOut)) complete(netOut);
        else emit(netOut, closeNotify, () -> complete(netOut));
      }

      /**
       * A bad record or handshake: the application's inbound side fails with the exception, the
       * alert the engine has for the peer goes out, then the connection closes. Each connection
       * has its own engine, so no other connection notices.
       */
      private void failTls(SSLException e) {
        if (!isClosed(appOut)) fail(appOut, e);
        if (!isClosed(appIn)) cancel(appIn);
        if (outboundClosed) {
          cancel(netIn);
          return;
        }
        outboundClosed = true;
        ByteString alert = tls.pendingRecords();
        if (alert.isEmpty() || isClosed(netOut)) {
          complete(netOut);
          cancel(netIn);
        } else {
          emit(netOut, alert, () -> {
            complete(netOut);
            cancel(netIn);
          });
        }
      }

      private void signalEstablished() {
        if (!established) {
          established = true;
          emit(appOut, new NetIn.TlsEstablished(tls.session()));
        }
      }

      private void pullIfIdle(Inlet<?> in) {
        if (!hasBeenPulled(in) && !isClosed(in)) pull(in);
      }
    }
  }
}
