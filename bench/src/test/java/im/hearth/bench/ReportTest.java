package im.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.bench.report.Report;
import im.hearth.bench.report.ServerProbe;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void writesOneJsonObjectWithEscapesNestedMapsAndNoNaN() {
        Report r = new Report().put("scenario", "chat").put("reason", "a \"quoted\"\nline")
                .put("failures", Map.of("timed out", 2)).put("p99", Double.NaN).put("list", List.of(1, true));
        assertEquals("{\"scenario\":\"chat\",\"reason\":\"a \\\"quoted\\\"\\nline\",\"failures\":{\"timed out\":2},"
                + "\"p99\":null,\"list\":[1,true]}", r.toJson());
    }

    @Test
    void latenciesAreMillisecondsOfMicrosecondHistograms() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1000L);
        }
        Report r = new Report().latencies("x", h);
        assertEquals(100L, r.get("x_count"));
        assertEquals(50.0, (Double) r.get("x_p50_ms"), 0.1);
        assertEquals(100.0, (Double) r.get("x_max_ms"), 0.1);
    }

    @Test
    void probeReadsThisProcess() {
        ServerProbe p = new ServerProbe(List.of((int) ProcessHandle.current().pid()));
        assertTrue(p.rssKiB() > 1000, "a JVM has more than a MiB resident");
        assertTrue(p.cpuSeconds() >= 0);
    }

    @Test
    void optionsRefuseARunWithoutSayingHowToTrustTheServer() {
        try {
            Options.parse(new String[] {"login"});
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("--trust-all"));
            return;
        }
        throw new AssertionError("expected a refusal");
    }
}
