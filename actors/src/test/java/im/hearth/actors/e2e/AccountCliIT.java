package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.DataLock;
import im.hearth.actors.HearthServer;
import im.hearth.actors.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The account commands of the CLI, run in-process: on a node of their own when no server holds
 * the data folder, and through the running server's admin port when one does.
 */
class AccountCliIT {

    @TempDir
    Path data;

    /** What one CLI run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private Run cli(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            String[] full = new String[args.length + 2];
            full[0] = "--data";
            full[1] = data.toString();
            System.arraycopy(args, 0, full, 2, args.length);
            int exit = new CommandLine(new Main()).execute(full);
            return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void login(HearthServer server, String user, String password) throws Exception {
        XMPPTCPConnection c = Clients.starttls(server, user, password, "cli-test", "SCRAM-SHA-256");
        try {
            c.connect().login();
            assertTrue(c.isAuthenticated());
        } finally {
            c.disconnect();
        }
    }

    @Test
    void accountsMadeWithAndWithoutARunningServerLogIn() throws Exception {
        Run added = cli("erin-secret\n", "adduser", "erin@localhost");
        assertEquals(0, added.exit(), added.err());
        assertTrue(added.out().contains("Created erin@localhost"), added.out());

        Run unknown = cli("whatever\n", "passwd", "nobody@localhost");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no account nobody@localhost"), unknown.err());

        Map<String, Object> settings = TestServer.base(data, Map.of("hearth.storage.kind", "h2"));
        // Main's start command holds this lock while the server runs; the CLI sees it and goes through the admin port.
        Optional<DataLock> lock = DataLock.tryAcquire(data);
        assertTrue(lock.isPresent());
        try (DataLock held = lock.get(); HearthServer server = TestServer.start(settings)) {
            assertTrue(Files.isReadable(data.resolve("admin.port")));
            login(server, "erin", "erin-secret");

            Run viaServer = cli("frank-secret\n", "adduser", "frank");
            assertEquals(0, viaServer.exit(), viaServer.err());
            assertTrue(viaServer.out().contains("Created frank@localhost"), viaServer.out());
            login(server, "frank", "frank-secret");

            Run passwd = cli("erin-new\n", "passwd", "erin@localhost");
            assertEquals(0, passwd.exit(), passwd.err());
            assertTrue(passwd.out().contains("Changed the password of erin@localhost"), passwd.out());
            login(server, "erin", "erin-new");
            assertThrows(SASLErrorException.class, () -> login(server, "erin", "erin-secret"));

            Run again = cli("other\n", "adduser", "erin@localhost");
            assertEquals(1, again.exit());
            assertTrue(again.err().contains("already exists"), again.err());
        }
    }

    @Test
    void deluserAndUsersWorkWithAndWithoutARunningServer() throws Exception {
        assertEquals(0, cli("a\n", "adduser", "gina@localhost").exit());
        assertEquals(0, cli("b\n", "adduser", "hugo@localhost").exit());
        Run offline = cli("", "users");
        assertEquals(0, offline.exit(), offline.err());
        assertEquals("gina@localhost\nhugo@localhost\n", offline.out());
        Run removed = cli("", "deluser", "hugo");
        assertEquals(0, removed.exit(), removed.err());
        assertTrue(removed.out().contains("Removed hugo@localhost"), removed.out());

        Map<String, Object> settings = TestServer.base(data, Map.of("hearth.storage.kind", "h2"));
        Optional<DataLock> lock = DataLock.tryAcquire(data);
        assertTrue(lock.isPresent());
        try (DataLock held = lock.get(); HearthServer server = TestServer.start(settings)) {
            assertEquals("gina@localhost\n", cli("", "users").out());
            assertThrows(SASLErrorException.class, () -> login(server, "hugo", "b"));
            // A removed account can be created again, with nothing of the old one.
            assertEquals(0, cli("c\n", "adduser", "hugo@localhost").exit());
            login(server, "hugo", "c");
            Run viaServer = cli("", "deluser", "gina@localhost");
            assertEquals(0, viaServer.exit(), viaServer.err());
            assertEquals("hugo@localhost\n", cli("", "users").out());
            Run unknown = cli("", "deluser", "gina@localhost");
            assertEquals(1, unknown.exit());
            assertTrue(unknown.err().contains("no account gina@localhost"), unknown.err());
        }
    }

    @Test
    void refusesADomainTheServerDoesNotHostOrNoPassword() {
        Run foreign = cli("secret\n", "adduser", "erin@elsewhere.example");
        assertEquals(1, foreign.exit());
        assertTrue(foreign.err().contains("elsewhere.example"), foreign.err());

        Run empty = cli("", "adduser", "erin@localhost");
        assertEquals(1, empty.exit());
        assertTrue(empty.err().contains("No password"), empty.err());
    }
}
