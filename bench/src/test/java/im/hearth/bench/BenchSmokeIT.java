package im.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.HearthServer;
import im.hearth.actors.config.HearthConfig;
import im.hearth.bench.net.Tls;
import im.hearth.bench.report.Report;
import im.hearth.protocol.jid.BareJid;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CI smoke run of the generator: a Hearth on loopback (H2, free ports) started here, a few
 * accounts, then {@code login} with 5 sessions and {@code chat} with 3 users for a few seconds at a
 * low rate, through the Java API. Asserts that logins succeed and messages arrive, never timings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchSmokeIT {
    private HearthServer server;
    private Path dataDir;
    private final List<Options.Account> accounts = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        dataDir = Files.createTempDirectory("hearth-bench-it");
        // The few lines of actors' TestServer: loopback, free ports, the embedded database.
        Map<String, Object> m = new HashMap<>();
        m.put("hearth.storage.kind", "h2");
        m.put("hearth.hosts", List.of("localhost"));
        m.put("hearth.data-dir", dataDir.toString());
        m.put("hearth.c2s.bind", "127.0.0.1");
        m.put("hearth.c2s.starttls-port", 0);
        m.put("hearth.c2s.direct-tls-port", 0);
        m.put("hearth.admin.port", 0);
        m.put("hearth.cluster.hostname", "127.0.0.1");
        m.put("hearth.cluster.port", 0);
        server = HearthServer.start(HearthConfig.load(null, null, ConfigFactory.parseMap(m)));
        for (int i = 1; i <= 5; i++) {
            Options.Account a = new Options.Account("bench-" + i, "secret-" + i);
            server.accounts().create(BareJid.parse(a.user() + "@localhost"), a.password())
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            accounts.add(a);
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private Options options(String scenario) throws Exception {
        Options o = new Options();
        o.scenario = scenario;
        o.port = server.starttlsPort();
        o.tlsContext = Tls.trusting(server.tls().certificate());
        o.accounts = accounts;
        o.scramCache = null;
        o.json = dataDir.resolve("results.jsonl");
        o.quiet = true;
        o.timeoutSeconds = 20;
        return o;
    }

    private static List<Report> run(Options o) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Report> reports = Bench.run(o, new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return reports;
    }

    @Test
    void loginBringsEverySessionOnline() throws Exception {
        Options o = options("login");
        o.sessions = 5;
        o.rate = 20;
        o.holdSeconds = 3;
        o.serverPids.add((int) ProcessHandle.current().pid()); // the server runs in this JVM
        Report r = run(o).get(0);
        assertEquals(5, r.get("online"), () -> "failures: " + r.get("failure_reasons"));
        assertEquals(0, r.get("failed"));
        long held = ((Number) r.get("server_rss_after_kib")).longValue();
        assertTrue(((Number) r.get("server_rss_held_min_kib")).longValue() <= held
                && held <= ((Number) r.get("server_rss_held_max_kib")).longValue(), () -> "report: " + r.values());
        double jit = ((Number) r.get("server_jit_cpu_share")).doubleValue(); // the server is a JVM
        assertTrue(jit >= 0 && jit <= 1, () -> "report: " + r.values());
        assertTrue(Files.readString(o.json).contains("\"scenario\":\"login\""), "a JSON line is appended");
    }

    @Test
    void loginWorksOverDirectTlsTrustingTheServersCertificateFile() throws Exception {
        Options o = options("login");
        o.tlsContext = null;
        o.cafile = dataDir.resolve("tls").resolve("localhost.crt");
        o.directTls = true;
        o.port = server.directTlsPort();
        o.sessions = 2;
        o.holdSeconds = 0;
        Report r = run(o).get(0);
        assertEquals(2, r.get("online"), () -> "failures: " + r.get("failure_reasons"));
    }

    @Test
    void chatMessagesArriveOverStartTls() throws Exception {
        Options o = options("chat");
        o.users = 3;
        o.rate = 10;
        o.warmupSeconds = 0.5;
        o.durationSeconds = 3;
        o.drainSeconds = 15;
        Report r = run(o).get(0);
        long sent = ((Number) r.get("sent")).longValue();
        assertTrue(sent > 0, "messages were sent");
        assertEquals(sent, ((Number) r.get("delivered")).longValue(), () -> "lost: " + r.values());
    }

    @Test
    void mucSaysItIsNotSupportedYet() throws Exception {
        Options muc = options("muc");
        muc.occupants = 2;
        assertEquals(false, run(muc).get(0).get("supported"));
    }

    @Test
    void mamFillsAnArchiveAndPagesThroughIt() throws Exception {
        Options mam = options("mam");
        mam.fill = 30;
        mam.fillRate = 50;
        mam.page = 10;
        mam.queries = 3;
        mam.warmupSeconds = 1;
        Report r = run(mam).get(0);
        assertEquals(true, r.get("supported"), () -> "report: " + r.values());
        assertEquals(30, ((Number) r.get("fill_delivered")).intValue(), () -> "report: " + r.values());
        assertEquals(10, ((Number) r.get("last_page_results")).intValue(), () -> "report: " + r.values());
        assertTrue(((Number) r.get("warmup_queries")).intValue() > 0, () -> "report: " + r.values());
    }
}
