package im.hearth.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run can be told, with the defaults the README documents. Filled from the command
 * line by {@link #parse}, or directly by Java callers such as the smoke test.
 */
public final class Options {
    public String scenario;
    // where
    public String host = "127.0.0.1";
    public int port = 5222;
    public String domain = "localhost";
    public boolean directTls;
    public boolean trustAll;
    public Path cafile;
    public javax.net.ssl.SSLContext tlsContext; // Java callers only
    public boolean sha1;
    public boolean tlsResume;
    // accounts
    public Path accountsFile;
    public List<Account> accounts; // Java callers only
    public boolean register;
    public Path createWithCli;
    public Path hearthData;
    public String prefix = "bench-";
    public String password = "bench-secret";
    public Path scramCache = Path.of(System.getProperty("user.home"), ".cache", "hearth-bench", "scram-salted-passwords");
    // sizes and rates
    public int sessions = 1000;
    public int users = 100;
    public double rate = -1; // per scenario default
    public double loginRate = 500;
    public int concurrency = 200;
    public double holdSeconds = 10;
    public double durationSeconds = 30;
    /**
     * Unmeasured traffic before a chat or muc run. A JVM server compiles its hot paths for one to
     * two minutes under load: with 5 s, Hearth's p99 at 300 msg/s read 2,392 ms and its CPU per
     * message 2.15 ms, with 60 s 30 ms and 1.67 ms (bench/README.md, "Warm-up"); at 500 msg/s its
     * C2 compiler still used over half a core at 65 s and went quiet only after about 120 s
     * (bench/README.md, "seventh session").
     */
    public double warmupSeconds = 120;
    public double drainSeconds = 5;
    public double timeoutSeconds = 60;
    public boolean findMax;
    public double maxRate = 50_000;
    public double step = 1.5;
    public double p99LimitMs = 100;
    public int bodySize = 100;
    // muc / mam
    public int occupants = 50;
    public String room = "bench";
    public String mucService;
    public int fill = 10_000;
    public double fillRate = 1000;
    public int page = 50;
    public int queries = 50;
    /** mam with --fill 0: the archive id of the message to page back from as "the middle". */
    public String middleId;
    // machinery
    public int threads = 1;
    public int hiThreads = 1;
    public List<Integer> serverPids = new ArrayList<>();
    public Path json = Path.of("bench", "results.jsonl");
    public String label;
    public boolean quiet;

    /** One account: a localpart and its password. */
    public record Account(String user, String password) {
    }

    static final String USAGE = """
            usage: bench/run <scenario> [options]
              scenarios: login | chat | muc | mam | jmh [JMH options]
            server:   --host 127.0.0.1 --port 5222 --domain localhost [--direct-tls]
                      --trust-all | --cafile CERT.pem     (how to trust the server's certificate)
                      --sha1                              (SCRAM-SHA-1 instead of SCRAM-SHA-256)
                      --tls-resume                        (resume TLS sessions: reconnects, not first logins)
                      --server-pid PID[,PID...]           (sample RSS and CPU of these process trees)
                      --label NAME                        (names the server in the JSON, e.g. hearth-h2)
            accounts: bench-1..bench-N with --password (default bench-secret), prefix --prefix; made by
                      --accounts FILE                     (lines "user password"; nothing is created)
                      --register                          (XEP-0077 in-band registration, e.g. Prosody)
                      --hearth-data DIR                   (a running Hearth's admin port, fast)
                      --create-with-cli PATH/TO/hearth    (hearth adduser per account, --data from
                                                           --hearth-data; slow)
                      --scram-cache FILE|none             (cached SaltedPassword, as clients keep it)
            login:    --sessions 1000 --rate 500 (logins/s) --concurrency 200 --hold 10 (s idle)
            chat:     --users 100 --rate 500 (msgs/s) --duration 30 --warmup 120 [--find-max --step 1.5]
                      --body-size 100 --login-rate 500
            muc:      --occupants 50 --rate 20 (msgs/s) --duration 30 [--muc-service conference.localhost]
            mam:      --fill 10000 --fill-rate 1000 --page 50 --queries 50 --warmup 120 (s of unmeasured queries)
                      [--middle-id ID with --fill 0]
            output:   --json bench/results.jsonl  --quiet
            generator: --threads 1 (I/O loops) --hi-threads 1 --timeout 60 (s per login)
            """;

    public static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                if (o.scenario != null) {
                    throw new IllegalArgumentException("more than one scenario: " + o.scenario + ", " + a);
                }
                o.scenario = a;
                continue;
            }
            String v = switch (a) {
                case "--direct-tls", "--trust-all", "--sha1", "--tls-resume", "--register", "--find-max", "--quiet" -> null;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    yield args[++i];
                }
            };
            switch (a) {
                case "--host" -> o.host = v;
                case "--port" -> o.port = Integer.parseInt(v);
                case "--domain" -> o.domain = v;
                case "--direct-tls" -> o.directTls = true;
                case "--trust-all" -> o.trustAll = true;
                case "--cafile" -> o.cafile = Path.of(v);
                case "--sha1" -> o.sha1 = true;
                case "--tls-resume" -> o.tlsResume = true;
                case "--accounts" -> o.accountsFile = Path.of(v);
                case "--register" -> o.register = true;
                case "--create-with-cli" -> o.createWithCli = Path.of(v);
                case "--hearth-data" -> o.hearthData = Path.of(v);
                case "--prefix" -> o.prefix = v;
                case "--password" -> o.password = v;
                case "--scram-cache" -> o.scramCache = v.equals("none") ? null : Path.of(v);
                case "--sessions", "-n" -> o.sessions = Integer.parseInt(v);
                case "--users" -> o.users = Integer.parseInt(v);
                case "--rate" -> o.rate = Double.parseDouble(v);
                case "--login-rate" -> o.loginRate = Double.parseDouble(v);
                case "--concurrency" -> o.concurrency = Integer.parseInt(v);
                case "--hold" -> o.holdSeconds = Double.parseDouble(v);
                case "--duration" -> o.durationSeconds = Double.parseDouble(v);
                case "--warmup" -> o.warmupSeconds = Double.parseDouble(v);
                case "--drain" -> o.drainSeconds = Double.parseDouble(v);
                case "--timeout" -> o.timeoutSeconds = Double.parseDouble(v);
                case "--find-max" -> o.findMax = true;
                case "--max-rate" -> o.maxRate = Double.parseDouble(v);
                case "--step" -> o.step = Double.parseDouble(v);
                case "--p99-limit" -> o.p99LimitMs = Double.parseDouble(v);
                case "--body-size" -> o.bodySize = Integer.parseInt(v);
                case "--occupants" -> o.occupants = Integer.parseInt(v);
                case "--room" -> o.room = v;
                case "--muc-service" -> o.mucService = v;
                case "--fill" -> o.fill = Integer.parseInt(v);
                case "--fill-rate" -> o.fillRate = Double.parseDouble(v);
                case "--page" -> o.page = Integer.parseInt(v);
                case "--queries" -> o.queries = Integer.parseInt(v);
                case "--middle-id" -> o.middleId = v;
                case "--threads" -> o.threads = Integer.parseInt(v);
                case "--hi-threads" -> o.hiThreads = Integer.parseInt(v);
                case "--server-pid" -> {
                    for (String p : v.split(",")) {
                        o.serverPids.add(Integer.parseInt(p.trim()));
                    }
                }
                case "--json" -> o.json = v.equals("none") ? null : Path.of(v);
                case "--label" -> o.label = v;
                case "--quiet" -> o.quiet = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.scenario == null) {
            throw new IllegalArgumentException("no scenario given");
        }
        if (!o.trustAll && o.cafile == null && o.tlsContext == null) {
            throw new IllegalArgumentException("say how to trust the server: --trust-all (loopback) or --cafile CERT.pem");
        }
        return o;
    }

    /** The rate, or this scenario's default when none was given. */
    double rateOr(double fallback) {
        return rate > 0 ? rate : fallback;
    }
}
