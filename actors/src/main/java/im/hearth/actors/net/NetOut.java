package im.hearth.actors.net;

import java.util.Objects;
import org.apache.pekko.util.ByteString;

/** What the application sends towards the network through {@link SwitchableTls}. */
public sealed interface NetOut permits NetOut.Bytes, NetOut.StartTls {

  /** Application bytes: written as they are in plaintext mode, encrypted once TLS is on. */
  record Bytes(ByteString bytes) implements NetOut {
    public Bytes {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * Switch both directions to TLS now (RFC 6120 §5.4.3.3). Everything sent before it (the
   * {@code <proceed/>}) is written in plaintext first. A field-less message, hence an enum:
   * send {@code NetOut.StartTls.INSTANCE}. Sending it twice, or in direct-TLS mode, fails the
   * connection.
   */
  enum StartTls implements NetOut {
    INSTANCE
  }
}
