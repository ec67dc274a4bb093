package im.hearth.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of this module once through JMH itself (in this JVM, no warm-up, one short
 * iteration per parameter combination), so a benchmark that throws, whose set-up check fails, or
 * that JMH cannot run fails the build. It measures nothing.
 */
class BenchmarksRunOnceTest {

    @Test
    void everyBenchmarkRunsOnce() throws Exception {
        // Not a measurement: do not wait for (or block) a JMH run someone has going on this machine.
        System.setProperty("jmh.ignoreLock", "true");
        Options options = new OptionsBuilder()
                .include("im\\.hearth\\.(bench\\.server|actors\\.user)\\..*Benchmark")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            ran.add(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
            assertTrue(r.getPrimaryResult().getScore() > 0, () -> name + " " + r.getParams() + " did nothing");
        }
        assertEquals(new TreeSet<>(Set.of(
                "DeliveryRulesBenchmark.decide",
                "UserDeliveryBenchmark.stanzaId", "UserDeliveryBenchmark.stampAndWrite", "UserDeliveryBenchmark.incomingChat",
                "JournalSerializationBenchmark.serialize", "JournalSerializationBenchmark.deserialize")), ran);
        // 4 targets x 3 resource counts, 3 events x 2 directions, 3 per-message steps.
        assertEquals(12 + 6 + 3, results.size());
    }
}
