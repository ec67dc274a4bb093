package im.hearth.actors.c2s;

import im.hearth.actors.HearthServer;
import im.hearth.actors.e2e.TestServer;
import im.hearth.actors.net.TlsMaterial;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The raw-socket tests' server: started with the given settings, the accounts made (one password
 * for all), and a TLS context that trusts its certificate for {@link RawClient} logins.
 */
final class RawServer implements AutoCloseable {
    final HearthServer server;
    final SSLContext tls;
    final int port;
    private final String password;

    private RawServer(HearthServer server, String password) throws Exception {
        this.server = server;
        this.password = password;
        this.tls = TlsMaterial.trustingContext(server.tls().certificate());
        this.port = server.starttlsPort();
    }

    static RawServer start(Map<String, Object> settings, String password, List<String> users) throws Exception {
        HearthServer server = TestServer.start(settings);
        try {
            for (String user : users) {
                TestServer.addUser(server, user + "@localhost", password);
            }
            return new RawServer(server, password);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** A client logged in as {@code user}@localhost with {@code resource} bound. */
    RawClient login(String user, String resource) throws IOException {
        return RawClient.login(port, tls, user, password, resource);
    }

    /** A client authenticated as {@code user}@localhost, before resource binding. */
    RawClient authenticated(String user) throws IOException {
        return RawClient.authenticated(port, tls, user, password);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
