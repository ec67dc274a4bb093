package im.hearth.bench;

import im.hearth.bench.net.Client;
import im.hearth.bench.report.Report;
import im.hearth.bench.report.ServerProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code chat}: U online users send one-to-one chat messages to random other online users at a
 * total rate R for D seconds; receivers time each message from its intended send time. With
 * {@code --find-max}, R grows by {@code --step} until p99 exceeds the limit or a message is lost.
 */
final class ChatScenario {

    private ChatScenario() {
    }

    static List<Report> run(Run run) throws Exception {
        Options o = run.options();
        List<Options.Account> accounts = Accounts.prepare(o, o.users, run.pool(), run.progress(), run.out());
        Sessions s = new Sessions();
        Traffic[] current = new Traffic[1];
        s.onStanza((c, e) -> {
            Traffic t = current[0];
            if (t != null && e.name().equals("message")) {
                t.received(e);
            }
        });
        s.run(run.pool(), accounts, o.loginRate, o.concurrency, false, "login", run.progress(), o.timeoutSeconds);
        List<Report> reports = new ArrayList<>();
        try {
            List<Client> clients = new ArrayList<>(s.online);
            if (clients.size() < 2) {
                throw new IllegalStateException("only " + clients.size() + " of " + o.users
                        + " users logged in; failures: " + s.failureReasons());
            }
            run.out().printf("chat: %d users online (%d failed to log in)%n", clients.size(), s.failed());
            double rate = o.rateOr(o.findMax ? 100 : 500);
            int step = 0;
            Double lastGood = null;
            while (true) {
                Traffic t = new Traffic(++step, o.bodySize);
                current[0] = t;
                Report r = stepAt(run, s, clients, t, rate, step);
                reports.add(r);
                if (!o.quiet) {
                    r.printTable(run.out());
                }
                if (!o.findMax) {
                    break;
                }
                boolean ok = ((Number) r.get("lost")).longValue() == 0
                        && r.get("latency_p99_ms") instanceof Double p99 && p99 <= o.p99LimitMs;
                if (!ok || rate * o.step > o.maxRate) {
                    Report summary = run.report("chat-find-max")
                            .put("users", clients.size())
                            .put("p99_limit_ms", o.p99LimitMs)
                            .put("max_rate_passing", lastGood)
                            .put("first_failing_rate", ok ? null : rate)
                            .target("max_rate_passing", ">= 2000 on PostgreSQL");
                    reports.add(summary);
                    break;
                }
                lastGood = rate;
                rate = Math.round(rate * o.step);
            }
        } finally {
            current[0] = null;
            s.closeAll();
        }
        return reports;
    }

    private static Report stepAt(Run run, Sessions s, List<Client> clients, Traffic t, double rate, int step)
            throws InterruptedException {
        Options o = run.options();
        SplittableRandom random = new SplittableRandom(step);
        run.progress().set(() -> String.format(
                "chat at %.0f msg/s: sent %d, delivered %d, errors %d, warm-up %d, slowest since last line %d ms",
                rate, t.sent.get(), t.delivered.get(), t.errors.get(), t.warmupSent.get(), t.takeWorstMillis()));
        AtomicReference<ServerProbe.Reading> cpuAtStart = new AtomicReference<>(); // at the first measured message
        double warmup = step == 1 ? o.warmupSeconds : Math.min(1, o.warmupSeconds);
        long measureStart = System.nanoTime() + (long) (warmup * 1e9);
        t.drive(rate, warmup, o.durationSeconds, (seq, intended, measured) -> {
            if (measured && cpuAtStart.get() == null) {
                cpuAtStart.set(run.probe().read());
            }
            int from = random.nextInt(clients.size());
            int to = random.nextInt(clients.size() - 1);
            if (to >= from) {
                to++;
            }
            Client sender = clients.get(from);
            Client receiver = clients.get(to);
            String body = t.body(seq, intended);
            sender.post(() -> sender.send(Traffic.chat(receiver, body, "chat")));
        });
        t.drain(t.sent.get(), o.drainSeconds);
        ServerProbe.Reading cpuBefore = cpuAtStart.get() == null ? new ServerProbe.Reading(Map.of(), Map.of()) : cpuAtStart.get();
        ServerProbe.Reading cpuAfter = run.probe().read();
        double cpuSeconds = cpuAfter.total() - cpuBefore.total();
        double measuredSeconds = (System.nanoTime() - measureStart) / 1e9;
        run.progress().set(null);
        long sent = t.sent.get();
        long delivered = t.delivered.get();
        Report r = run.report("chat")
                .put("step", step)
                .put("users", clients.size())
                .put("rate_target", rate)
                .put("duration_s", o.durationSeconds)
                .put("body_bytes", o.bodySize)
                .put("sent", sent)
                .put("delivered", delivered)
                .put("lost", sent - delivered)
                .put("errors", t.errors.get())
                .put("msgs_per_s", Report.round(delivered / o.durationSeconds, 1))
                .target("msgs_per_s", ">= 2000 at p99 < 100 ms, nothing lost (PostgreSQL)")
                .latencies("latency", t.latencyMicros)
                .put("sessions_dropped", s.dropped.get());
        if (run.probe().enabled()) {
            r.put("server_cpu_s", Report.round(cpuSeconds, 2))
                    .put("server_cpu_us_per_msg", delivered > 0 ? Report.round(cpuSeconds * 1e6 / delivered, 1) : null)
                    .put("server_cpu_utilisation", Report.round(cpuSeconds / measuredSeconds, 2))
                    .put("server_jit_cpu_share", ServerProbe.jitShare(cpuBefore, cpuAfter)); // a JVM still compiling is not warm
            Map<String, Double> byPid = ServerProbe.perRoot(cpuBefore.byRoot(), cpuAfter.byRoot(), 1 / measuredSeconds);
            if (!byPid.isEmpty()) {
                r.put("server_cpu_utilisation_by_pid", byPid); // e.g. the server and its database apart
            }
        }
        return r;
    }
}
