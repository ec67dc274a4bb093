package im.hearth.actors.net;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.apache.pekko.util.ByteString;
import org.apache.pekko.util.ByteStringBuilder;

/**
 * One connection's {@link SSLEngine}, driven synchronously: ciphertext in, plaintext and
 * ciphertext out (RFC 8446, RFC 5246). A plain class, so {@link SwitchableTls} runs TLS inside its
 * own stage instead of in a separate actor.
 *
 * <p>It holds no buffers between calls: the engine works in per-thread scratch buffers and the
 * results are copied out, so an idle connection keeps only the engine's own state and at most one
 * incomplete record. (Pekko's TLS stage keeps four buffers of 18–35 KB for every connection, for
 * its whole life: most of the memory of an idle XMPP session.)
 *
 * <p>Not thread-safe: one stage calls it, one call at a time.
 */
final class TlsEngine {

  /** What one call produced. */
  record Output(ByteString toNetwork, ByteString toApplication, boolean handshakeFinished,
                boolean inboundClosed) {
  }

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final SSLEngine engine;
  /** The start of a record whose end has not arrived yet. */
  private ByteString partialRecord = ByteString.emptyByteString();
  /** Application data written while a handshake is in progress: wrapped once it is done. */
  private ByteString heldPlaintext = ByteString.emptyByteString();

  TlsEngine(SSLEngine engine) throws SSLException {
    this.engine = engine;
    engine.beginHandshake();
  }

  SSLSession session() {
    return engine.getSession();
  }

  /** True while written plaintext waits for a handshake; the writer should wait too. */
  boolean holdsPlaintext() {
    return !heldPlaintext.isEmpty();
  }

  /** Ciphertext from the peer: decrypts every complete record, answers the handshake. */
  Output receive(ByteString cipher) throws SSLException {
    ByteString input = partialRecord.concat(cipher);
    Scratch scratch = SCRATCH.get();
    ByteBuffer src = scratch.get(Scratch.INPUT, input.size());
    input.copyToBuffer(src);
    src.flip();
    Step step = new Step();
    drive(src, step, scratch);
    partialRecord = src.hasRemaining() ? ByteString.fromByteBuffer(src) : ByteString.emptyByteString();
    return step.output();
  }

  /** Plaintext from the application: encrypts it, or holds it while a handshake runs. */
  Output send(ByteString plain) throws SSLException {
    heldPlaintext = heldPlaintext.concat(plain);
    Step step = new Step();
    drive(null, step, SCRATCH.get());
    return step.output();
  }

  /** Closes the sending side: the close_notify alert to write, if any is still due. */
  ByteString closeOutbound() {
    heldPlaintext = ByteString.emptyByteString();
    engine.closeOutbound();
    return pendingRecords();
  }

  /**
   * What the engine still has to write after a failure (the fatal alert of RFC 8446 §6.2), best
   * effort: the connection is closed after it either way.
   */
  ByteString pendingRecords() {
    Step step = new Step();
    try {
      drive(null, step, SCRATCH.get());
    } catch (SSLException | RuntimeException alreadyFailed) {
      // nothing more to say to this peer
    }
    return step.network.result();
  }

  /**
   * The peer closed TCP. Returns normally for a close_notify received before it; throws when the
   * connection was truncated (a peer that just closed, or an attacker cutting a response short).
   */
  void peerClosed() throws SSLException {
    engine.closeInbound();
  }

  private void drive(ByteBuffer cipherIn, Step step, Scratch scratch) throws SSLException {
    boolean unwrapMore = cipherIn != null;
    while (true) {
      HandshakeStatus status = engine.getHandshakeStatus();
      if (status == HandshakeStatus.NEED_TASK) {
        // Certificate and key exchange work: done here, as Pekko's TLS stage does it too.
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
          task.run();
        }
      } else if (status == HandshakeStatus.NEED_WRAP && !engine.isOutboundDone()) {
        SSLEngineResult result = wrap(EMPTY, step, scratch);
        if (result.getStatus() == Status.CLOSED || result.bytesProduced() == 0
                && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
          return;
        }
      } else if (unwrapMore && cipherIn.hasRemaining() && !engine.isInboundDone()) {
        SSLEngineResult result = unwrap(cipherIn, step, scratch);
        if (result.getStatus() == Status.BUFFER_UNDERFLOW) {
          unwrapMore = false;
        } else if (result.getStatus() == Status.CLOSED) {
          step.inboundClosed = true;
          unwrapMore = false;
        } else if (result.bytesConsumed() == 0 && result.bytesProduced() == 0
                && engine.getHandshakeStatus() == status) {
          unwrapMore = false; // no progress: wait for more input rather than spin
        }
      } else if (status == HandshakeStatus.NOT_HANDSHAKING && !heldPlaintext.isEmpty()
              && !engine.isOutboundDone()) {
        ByteBuffer plain = heldPlaintext.asByteBuffer();
        int before = plain.remaining();
        SSLEngineResult result = wrap(plain, step, scratch);
        heldPlaintext = heldPlaintext.drop(before - plain.remaining());
        if (result.bytesConsumed() == 0) {
          return;
        }
      } else {
        return;
      }
    }
  }

  private SSLEngineResult wrap(ByteBuffer plain, Step step, Scratch scratch) throws SSLException {
    return step(true, plain, step, scratch);
  }

  private SSLEngineResult unwrap(ByteBuffer cipher, Step step, Scratch scratch) throws SSLException {
    return step(false, cipher, step, scratch);
  }

  /** One wrap or unwrap into a scratch buffer (grown until the record fits), copied out. */
  private SSLEngineResult step(boolean wrap, ByteBuffer src, Step step, Scratch scratch)
      throws SSLException {
    int which = wrap ? Scratch.NETWORK : Scratch.APPLICATION;
    while (true) {
      SSLSession session = engine.getSession();
      int size = wrap ? session.getPacketBufferSize() : session.getApplicationBufferSize();
      ByteBuffer dst = scratch.get(which, size);
      SSLEngineResult result = wrap ? engine.wrap(src, dst) : engine.unwrap(src, dst);
      if (result.getStatus() == Status.BUFFER_OVERFLOW) {
        scratch.grow(which, size);
        continue;
      }
      dst.flip();
      copy(dst, wrap ? step.network : step.application);
      step.note(result);
      return result;
    }
  }

  private static void copy(ByteBuffer filled, ByteStringBuilder to) {
    if (filled.hasRemaining()) {
      to.putBytes(filled.array(), filled.arrayOffset() + filled.position(), filled.remaining());
    }
  }

  private static final class Step {
    final ByteStringBuilder network = new ByteStringBuilder();
    final ByteStringBuilder application = new ByteStringBuilder();
    boolean finished;
    boolean inboundClosed;

    void note(SSLEngineResult result) {
      if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
        finished = true;
      }
    }

    Output output() {
      return new Output(network.result(), application.result(), finished, inboundClosed);
    }
  }

  /**
   * Buffers of one thread, shared by every connection whose stage runs on it; what the engine
   * writes into them is copied out before the call returns.
   */
  private static final class Scratch {
    static final int INPUT = 0;
    static final int APPLICATION = 1;
    static final int NETWORK = 2;
    private final ByteBuffer[] buffers = {
        ByteBuffer.allocate(0), ByteBuffer.allocate(0), ByteBuffer.allocate(0)};

    /** The buffer {@code which}, cleared, with room for at least {@code size} bytes. */
    ByteBuffer get(int which, int size) {
      if (buffers[which].capacity() < size) {
        buffers[which] = ByteBuffer.allocate(size);
      }
      return buffers[which].clear();
    }

    void grow(int which, int size) {
      buffers[which] = ByteBuffer.allocate(Math.max(size, buffers[which].capacity() * 2));
    }
  }
}
