package im.hearth.actors.e2e;

import im.hearth.actors.HearthServer;
import im.hearth.actors.net.TlsMaterial;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/** Real XMPP clients (Smack) for end-to-end tests, trusting exactly the test server's certificate. */
final class Clients {
    static {
        Roster.setRosterLoadedAtLoginDefault(false); // rosters are a later feature
        SmackConfiguration.setDefaultReplyTimeout(15_000);
        SASLAuthentication.registerSASLMechanism(new ScramSha256ForSmack());
    }

    private Clients() {
    }

    /** A user of {@link TestServer#addUsers} over STARTTLS with SCRAM-SHA-256, not yet connected. */
    static XMPPTCPConnection forUser(HearthServer server, String user, String resource) throws Exception {
        return starttls(server, user, user + "-secret", resource, "SCRAM-SHA-256");
    }

    /** The same, connected and logged in. */
    static XMPPTCPConnection loggedIn(HearthServer server, String user, String resource) throws Exception {
        XMPPTCPConnection c = forUser(server, user, resource);
        c.connect().login();
        return c;
    }

    /** STARTTLS on the server's first port, with the given SASL mechanism. */
    static XMPPTCPConnection starttls(HearthServer server, String user, String password, String resource,
                                      String mechanism) throws Exception {
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost")
                .setHost("127.0.0.1")
                .setPort(server.starttlsPort())
                .setUsernameAndPassword(user, password)
                .setResource(resource)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trustManager(server))
                .addEnabledSaslMechanism(mechanism)
                .build();
        return new XMPPTCPConnection(config);
    }

    /** Trusts exactly the server's certificate (Smack still checks that it names the domain). */
    static X509TrustManager trustManager(HearthServer server) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("hearth", server.tls().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    /** Direct TLS (XEP-0368): the socket is TLS from its first byte, so Smack sees no STARTTLS. */
    static XMPPTCPConnection directTls(HearthServer server, String user, String password, String resource)
            throws Exception {
        SSLContext trusting = TlsMaterial.trustingContext(server.tls().certificate());
        XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost")
                .setHost("127.0.0.1")
                .setPort(server.directTlsPort())
                .setUsernameAndPassword(user, password)
                .setResource(resource)
                .setSecurityMode(SecurityMode.disabled)
                .setSocketFactory(trusting.getSocketFactory())
                .addEnabledSaslMechanism("SCRAM-SHA-256")
                .build();
        return new XMPPTCPConnection(config);
    }
}
