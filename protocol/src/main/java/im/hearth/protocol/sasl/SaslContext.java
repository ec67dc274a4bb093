package im.hearth.protocol.sasl;

import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;

/**
 * What a mechanism needs to know about the stream: the virtual host's domain (prepared
 * here), whether TLS is active, the {@code tls-server-end-point} channel-binding data of the
 * certificate presented (RFC 5929 §4.1; null without TLS or when undefined for the
 * certificate), and whether the -PLUS mechanisms were advertised on this stream.
 */
public record SaslContext(String domain, boolean tlsActive, byte[] tlsServerEndPoint, boolean plusAdvertised) {

    public SaslContext {
        domain = Jid.prepareDomain(domain);
        if (tlsServerEndPoint != null && !tlsActive) {
            throw new IllegalArgumentException("tls-server-end-point data without TLS");
        }
        if (plusAdvertised && tlsServerEndPoint == null) {
            throw new IllegalArgumentException("-PLUS advertised without channel-binding data");
        }
        tlsServerEndPoint = tlsServerEndPoint == null ? null : tlsServerEndPoint.clone();
    }

    @Override
    public byte[] tlsServerEndPoint() {
        return tlsServerEndPoint == null ? null : tlsServerEndPoint.clone();
    }

    /**
     * True when {@code authzid} names the account itself, {@code username@domain}: Hearth
     * lets no one act for another account (RFC 6120 §6.4.6).
     */
    boolean isOwnBareJid(String authzid, String username) {
        return Jid.tryParse(authzid).map(j -> j.equals(new BareJid(username, domain))).orElse(false);
    }
}
