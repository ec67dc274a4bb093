package im.hearth.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe's CPU per process tree, read from /proc for this JVM and a child that has burnt some CPU. */
class ServerProbeTest {
    private final int self = (int) ProcessHandle.current().pid();
    private Process child;
    private int childPid;

    @BeforeEach
    void burnInAChild() throws Exception {
        // Counts in the shell itself, then becomes `sleep`: its CPU time stays put while the test reads it.
        child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; exec sleep 30").start();
        childPid = (int) child.pid();
        Path cmdline = Path.of("/proc", String.valueOf(childPid), "cmdline");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!new String(Files.readAllBytes(cmdline)).startsWith("sleep")) {
            assertTrue(System.nanoTime() < deadline, "the child never finished counting");
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stopChild() {
        child.destroyForcibly();
    }

    @Test
    void eachRootsTreeIsCountedApartAndOnlyOnce() {
        Map<Integer, Double> childFirst = new ServerProbe(List.of(childPid, self)).cpuSecondsByRoot();
        assertEquals(List.of(childPid, self), List.copyOf(childFirst.keySet()), "in the order given");
        assertTrue(childFirst.get(childPid) > 0, "the child's counting shows: " + childFirst);
        assertTrue(childFirst.get(self) > 0, "this JVM has run: " + childFirst);

        // The child is also in this JVM's tree: named second, it has already been counted.
        Map<Integer, Double> selfFirst = new ServerProbe(List.of(self, childPid)).cpuSecondsByRoot();
        assertEquals(0.0, selfFirst.get(childPid));
        assertTrue(selfFirst.get(self) >= childFirst.get(childPid), "the child counts under this JVM: " + selfFirst);
    }

    @Test
    void perRootIsGivenOnlyForMoreThanOneRoot() {
        Map<Integer, Double> before = Map.of(1, 1.0, 2, 10.0);
        Map<Integer, Double> after = Map.of(1, 1.5, 2, 12.0);
        Map<String, Double> per = ServerProbe.perRoot(before, after, 100);
        assertEquals(50.0, per.get("1"));
        assertEquals(200.0, per.get("2"));
        assertTrue(ServerProbe.perRoot(Map.of(1, 1.0), Map.of(1, 2.0), 1).isEmpty(), "one root: the total says it all");
    }

    @Test
    void theTotalIsTheSumOfTheTrees() {
        ServerProbe probe = new ServerProbe(List.of(childPid));
        assertEquals(probe.cpuSecondsByRoot().get(childPid), probe.cpuSeconds(), 1e-9);
        assertEquals(-1, new ServerProbe(List.of()).cpuSeconds());
    }

    @Test
    void aJvmsCompilerThreadsAreReadAndAShellHasNone() {
        ServerProbe.Reading jvm = new ServerProbe(List.of(self)).read();
        assertFalse(jvm.jitByThread().isEmpty(), "this JVM has C1 and C2 compiler threads");
        double compiling = ServerProbe.total(jvm.jitByThread());
        assertTrue(compiling > 0, "and they have compiled the test framework: " + jvm.jitByThread());
        assertTrue(compiling <= jvm.total(), "a part of the JVM's CPU: " + jvm);

        ServerProbe shell = new ServerProbe(List.of(childPid));
        assertTrue(shell.read().jitByThread().isEmpty());
        assertNull(ServerProbe.jitShare(shell.read(), shell.read()), "no compiler threads, no share");
    }

    @Test
    void theJitShareCountsEachCompilerThreadsGrowthOverTheTreesGrowth() {
        ServerProbe.Reading before = new ServerProbe.Reading(Map.of(1, 10.0, 2, 5.0), Map.of(101, 0.2, 103, 0.4));
        // 101 compiled 0.3 s more and 102 started and used 0.1 s; 103 (idle, ended) is gone.
        ServerProbe.Reading after = new ServerProbe.Reading(Map.of(1, 11.0, 2, 6.0), Map.of(101, 0.5, 102, 0.1));
        assertEquals(0.2, ServerProbe.jitShare(before, after), 1e-9);
        assertNull(ServerProbe.jitShare(after, after), "no CPU used, no share");
    }
}
