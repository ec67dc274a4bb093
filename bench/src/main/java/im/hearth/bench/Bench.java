package im.hearth.bench;

import im.hearth.bench.report.Progress;
import im.hearth.bench.report.Report;
import im.hearth.bench.report.ServerProbe;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The load generator's entry point: {@code Bench <scenario> --host --port --domain ...} runs one
 * bounded scenario against any XMPP server, prints a table, and appends one JSON object per run
 * (per step with {@code --find-max}) to {@code --json}. {@code Bench jmh ...} runs the JMH
 * microbenchmarks. {@link #run} is the same from Java (the smoke test uses it).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(o, System.out);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("bench " + o.scenario + " failed: " + e);
            System.exit(1);
        }
    }

    /** Runs the scenario of {@code o}; returns its reports (after printing and appending them). */
    public static List<Report> run(Options o, PrintStream out) throws Exception {
        try (Pool pool = new Pool(o); Progress progress = new Progress(out, o.quiet)) {
            Run run = new Run(o, pool, progress, new ServerProbe(o.serverPids), out);
            out.printf("bench %s against %s:%d (%s), %s%n", o.scenario, o.host, o.port, o.domain,
                    o.scramCache == null ? "no SCRAM cache" : "SCRAM cache " + o.scramCache + " (" + pool.cache.size() + " entries)");
            List<Report> reports = switch (o.scenario) {
                case "login" -> List.of(LoginScenario.run(run));
                case "chat" -> ChatScenario.run(run);
                case "muc" -> List.of(MucScenario.run(run));
                case "mam" -> List.of(MamScenario.run(run));
                default -> throw new IllegalArgumentException("unknown scenario " + o.scenario + " (login, chat, muc, mam, jmh)");
            };
            for (Report r : reports) {
                if (Boolean.FALSE.equals(r.get("supported"))) {
                    out.println(o.scenario + ": " + r.get("reason"));
                }
                // chat prints each step as it finishes; the rest print here
                if (!(o.scenario.equals("chat") && "chat".equals(r.get("scenario")) && !o.quiet)) {
                    r.printTable(out);
                }
                if (o.json != null) {
                    r.appendJson(o.json);
                }
            }
            if (o.json != null) {
                out.println("appended " + reports.size() + " JSON line(s) to " + o.json);
            }
            return reports;
        }
    }
}
