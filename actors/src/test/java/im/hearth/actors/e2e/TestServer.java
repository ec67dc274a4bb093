package im.hearth.actors.e2e;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.HearthServer;
import im.hearth.actors.config.HearthConfig;
import im.hearth.protocol.jid.BareJid;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts real Hearth nodes for tests: loopback only, free ports, a given data folder and storage.
 * Public so that other packages' socket tests (c2s) start their servers the same way.
 */
public final class TestServer {

    private TestServer() {
    }

    public static Map<String, Object> base(Path dataDir, Map<String, Object> storage) {
        Map<String, Object> m = new HashMap<>(storage);
        m.put("hearth.hosts", java.util.List.of("localhost"));
        m.put("hearth.data-dir", dataDir.toString());
        m.put("hearth.c2s.bind", "127.0.0.1");
        m.put("hearth.c2s.starttls-port", 0);
        m.put("hearth.c2s.direct-tls-port", 0);
        m.put("hearth.admin.port", 0);
        m.put("hearth.cluster.hostname", "127.0.0.1");
        m.put("hearth.cluster.port", 0);
        return m;
    }

    public static HearthServer start(Map<String, Object> settings) throws Exception {
        return HearthServer.start(HearthConfig.load(null, null, ConfigFactory.parseMap(settings)));
    }

    /** Accounts {@code user}@localhost with the tests' password convention, {@code user + "-secret"}. */
    public static void addUsers(HearthServer server, List<String> users) throws Exception {
        for (String user : users) {
            addUser(server, user + "@localhost", user + "-secret");
        }
    }

    public static void addUser(HearthServer server, String jid, String password) throws Exception {
        server.accounts().create(BareJid.parse(jid), password).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
