package im.hearth.bench.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a local server's resident memory (VmRSS of /proc/PID/status) and CPU time (utime + stime
 * of /proc/PID/stat), each summed over the process trees of the given PIDs: a server started by a
 * wrapper script, or PostgreSQL's postmaster and its backends. Empty when no PID was given.
 */
public final class ServerProbe {
    private final List<Integer> roots;
    private final long ticksPerSecond;

    public ServerProbe(List<Integer> roots) {
        this.roots = List.copyOf(roots);
        this.ticksPerSecond = clockTicks();
    }

    public boolean enabled() {
        return !roots.isEmpty();
    }

    /** Resident memory of every process in the trees, in KiB; -1 when disabled or unreadable. */
    public long rssKiB() {
        if (!enabled()) {
            return -1;
        }
        long sum = 0;
        for (int pid : tree()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        sum += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the process ended meanwhile
            }
        }
        return sum;
    }

    /** CPU seconds (user + system) used so far by the trees; -1 when disabled. */
    public double cpuSeconds() {
        if (!enabled()) {
            return -1;
        }
        long ticks = 0;
        for (int pid : tree()) {
            String[] f = statFields(pid);
            if (f != null) {
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            }
        }
        return ticks / (double) ticksPerSecond;
    }

    /** The roots and all their descendants that are alive now. */
    Set<Integer> tree() {
        Map<Integer, List<Integer>> children = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : ds) {
                int pid = Integer.parseInt(p.getFileName().toString());
                String[] f = statFields(pid);
                if (f != null) {
                    children.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>()).add(pid);
                }
            }
        } catch (IOException e) {
            return Set.copyOf(roots);
        }
        Set<Integer> out = new LinkedHashSet<>();
        List<Integer> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            int pid = todo.remove(todo.size() - 1);
            if (out.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return out;
    }

    /** The fields of /proc/PID/stat after the command name: [0] is state, [1] ppid, [11] utime, [12] stime. */
    private static String[] statFields(int pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
