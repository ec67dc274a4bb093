package im.hearth.bench;

import im.hearth.bench.report.Report;
import im.hearth.bench.report.ServerProbe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code login}: ramps N sessions at a fixed rate (bounded in-flight), holds them idle, and
 * reports logins/s, login latency, failures, and the server's RSS per session.
 */
final class LoginScenario {

    private LoginScenario() {
    }

    static Report run(Run run) throws Exception {
        Options o = run.options();
        // Before the accounts are made: a session's share includes its user's entity, which the
        // account creation starts, and the heap that creation grows.
        long rssBefore = run.probe().rssKiB();
        List<Options.Account> accounts = Accounts.prepare(o, o.sessions, run.pool(), run.progress(), run.out());
        ServerProbe.Reading cpuBefore = run.probe().read();
        Sessions s = new Sessions();
        double rate = o.rateOr(500);
        s.run(run.pool(), accounts, rate, o.concurrency, false, "login", run.progress(), o.timeoutSeconds);
        ServerProbe.Reading cpuAfter = run.probe().read();
        int online = s.online.size();
        // A JVM's RSS moves while sessions sit idle (its collector grows and shrinks the heap), so
        // the figure is the median of samples taken each second over the second half of the hold.
        List<Long> rssHeld = new ArrayList<>();
        long holdEnd = System.nanoTime() + (long) (o.holdSeconds * 1e9);
        long sampleFrom = System.nanoTime() + (long) (o.holdSeconds * 1e9 / 2);
        run.progress().set(() -> String.format("holding %d idle sessions: %.0f s left", online,
                Math.max(0, (holdEnd - System.nanoTime()) / 1e9)));
        while (System.nanoTime() < holdEnd) {
            Thread.sleep(Math.max(1, Math.min(1000, (holdEnd - System.nanoTime()) / 1_000_000)));
            if (System.nanoTime() >= sampleFrom && run.probe().enabled()) {
                rssHeld.add(run.probe().rssKiB());
            }
        }
        run.progress().set(null);
        long rssAfter = rssHeld.isEmpty() ? run.probe().rssKiB() : median(rssHeld);
        int stillOnline = online - s.dropped.get();
        Report r = run.report("login")
                .put("sessions", o.sessions)
                .put("offered_rate", rate)
                .put("concurrency", o.concurrency)
                .put("online", online)
                .put("failed", s.failed())
                .put("failure_reasons", s.failureReasons())
                .put("dropped_while_idle", s.dropped.get())
                .put("ramp_s", Report.round(s.rampSeconds(), 2))
                .put("logins_per_s", Report.round(s.rampSeconds() > 0 ? online / s.rampSeconds() : 0, 1))
                .target("logins_per_s", ">= 400")
                .latencies("login", s.latencyMicros)
                .put("hold_s", o.holdSeconds);
        if (run.probe().enabled()) {
            r.put("server_rss_before_kib", rssBefore)
                    .put("server_rss_after_kib", rssAfter)
                    .put("server_rss_held_min_kib", rssHeld.isEmpty() ? null : Collections.min(rssHeld))
                    .put("server_rss_held_max_kib", rssHeld.isEmpty() ? null : Collections.max(rssHeld))
                    .put("server_kib_per_session", stillOnline > 0 ? Report.round((rssAfter - rssBefore) / (double) stillOnline, 1) : null)
                    .target("server_kib_per_session", "<= 40 at 10k")
                    .put("server_cpu_ms_per_login", online > 0 ? Report.round((cpuAfter.total() - cpuBefore.total()) * 1000 / online, 2) : null)
                    .put("server_jit_cpu_share", ServerProbe.jitShare(cpuBefore, cpuAfter)); // a fresh JVM compiles as it logs in
            Map<String, Double> byPid = ServerProbe.perRoot(cpuBefore.byRoot(), cpuAfter.byRoot(), online > 0 ? 1000.0 / online : 0);
            if (!byPid.isEmpty()) {
                r.put("server_cpu_ms_per_login_by_pid", byPid); // e.g. the server and its database apart
            }
        }
        s.closeAll();
        return r;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
