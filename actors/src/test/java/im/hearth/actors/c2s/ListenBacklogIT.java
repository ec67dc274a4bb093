package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import im.hearth.actors.HearthServer;
import im.hearth.actors.e2e.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both client listeners ask the kernel for the configured backlog (hearth.c2s.backlog), not
 * Pekko's default of 100, which overflowed under a burst of logins (bench/README.md, "seventh
 * session"). The kernel tells a listening socket's backlog only through sock_diag, which Java
 * cannot read, so this test asks `ss` (iproute2) and is skipped where it is missing.
 */
class ListenBacklogIT {

    @Test
    void eachListenerHasTheConfiguredBacklog() throws Exception {
        assumeTrue(ss("-V") != null, "needs ss (iproute2)");
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-backlog"),
                Map.of("hearth.storage.kind", "h2"));
        settings.put("hearth.c2s.backlog", 777); // under any somaxconn since Linux 5.4 (4096)
        HearthServer server = TestServer.start(settings);
        try {
            assertEquals(777, listenBacklog(server.starttlsPort()), "STARTTLS listener");
            assertEquals(777, listenBacklog(server.directTlsPort()), "direct TLS listener");
        } finally {
            server.close();
        }
    }

    /** The Send-Q column of `ss -Hltn` for a listening port: its backlog. */
    private static int listenBacklog(int port) throws Exception {
        String out = ss("-Hltn", "sport = :" + port);
        String[] columns = out.trim().split("\\s+"); // State Recv-Q Send-Q Local Peer
        assertEquals("LISTEN", columns[0], "ss printed: " + out);
        return Integer.parseInt(columns[2]);
    }

    private static String ss(String... args) throws InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "ss";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
