package im.hearth.bench;

import im.hearth.bench.report.Progress;
import im.hearth.bench.report.Report;
import im.hearth.bench.report.ServerProbe;
import java.io.PrintStream;
import java.time.Instant;

/** What every scenario gets: the options, the generator, the status line, the server probe, the terminal. */
record Run(Options options, Pool pool, Progress progress, ServerProbe probe, PrintStream out) {

    /** A report with the fields every run shares, so JSON lines from different runs compare. */
    Report report(String scenario) {
        Options o = options;
        return new Report()
                .put("time", Instant.now().toString())
                .put("scenario", scenario)
                .put("label", o.label == null ? o.host + ":" + o.port : o.label)
                .put("server", o.host + ":" + o.port)
                .put("domain", o.domain)
                .put("tls", o.directTls ? "direct" : "starttls")
                .put("sasl", pool.settings.algorithm().mechanismName())
                .put("tls_resume", o.tlsResume)
                .put("generator_io_threads", o.threads)
                .put("cpus", Runtime.getRuntime().availableProcessors());
    }
}
