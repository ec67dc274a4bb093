package im.hearth.actors.net;

import java.util.Objects;
import javax.net.ssl.SSLSession;
import org.apache.pekko.util.ByteString;

/** What {@link SwitchableTls} delivers from the network to the application. */
public sealed interface NetIn permits NetIn.Bytes, NetIn.TlsEstablished {

  /** Bytes from the peer: plaintext before TLS, decrypted application data after it. */
  record Bytes(ByteString bytes) implements NetIn {
    public Bytes {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /**
   * The TLS handshake has completed; delivered once per connection, before any decrypted
   * {@link Bytes}. The session gives the protocol and, for SCRAM-*-PLUS, the local
   * certificate ({@code tls-server-end-point}).
   */
  record TlsEstablished(SSLSession session) implements NetIn {
    public TlsEstablished {
      Objects.requireNonNull(session, "session");
    }
  }
}
