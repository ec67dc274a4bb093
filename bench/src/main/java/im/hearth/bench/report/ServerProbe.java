package im.hearth.bench.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a local server's resident memory (VmRSS of /proc/PID/status) and CPU time (utime + stime
 * of /proc/PID/stat), each summed over the process trees of the given PIDs: a server started by a
 * wrapper script, or PostgreSQL's postmaster and its backends. Empty when no PID was given.
 *
 * <p>For a JVM it also reads how much of that CPU went to the JIT compiler's threads (HotSpot names
 * them "C1 CompilerThread…" and "C2 CompilerThread…"): a JVM server that is still compiling in the
 * measured window is not yet at its steady state, and its figures say so.
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
        return total(cpuSecondsByRoot());
    }

    /**
     * One reading of the trees' CPU: each root's seconds (as {@link #cpuSecondsByRoot}) and the
     * seconds of each JIT compiler thread alive now, by thread id.
     */
    public record Reading(Map<Integer, Double> byRoot, Map<Integer, Double> jitByThread) {
        public double total() {
            return ServerProbe.total(byRoot);
        }
    }

    /** Both halves of a reading from one listing of /proc's processes. */
    public Reading read() {
        Map<Integer, List<Integer>> children = enabled() ? children() : Map.of();
        return new Reading(cpuSecondsByRoot(children), jitSecondsByThread(tree(roots, children)));
    }

    /**
     * The share of the trees' CPU between two readings that the JIT compiler's threads used, or
     * null when there are none (not a JVM) or no CPU was used. HotSpot may end a compiler thread
     * that has sat idle, taking its ticks with it, so the share is a lower bound.
     */
    public static Double jitShare(Reading before, Reading after) {
        if (after.jitByThread().isEmpty() || after.total() <= before.total()) {
            return null;
        }
        double seconds = 0;
        for (Map.Entry<Integer, Double> t : after.jitByThread().entrySet()) {
            seconds += t.getValue() - before.jitByThread().getOrDefault(t.getKey(), 0.0);
        }
        return Report.round(seconds / (after.total() - before.total()), 3);
    }

    /** The sum of a {@link #cpuSecondsByRoot} reading. */
    public static double total(Map<Integer, Double> secondsByRoot) {
        return secondsByRoot.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * CPU seconds (user + system) used so far by each root's tree, in the order the roots were
     * given (a server and its database apart); a process under two roots counts for the first.
     */
    public Map<Integer, Double> cpuSecondsByRoot() {
        return cpuSecondsByRoot(children());
    }

    private Map<Integer, Double> cpuSecondsByRoot(Map<Integer, List<Integer>> children) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        Set<Integer> counted = new HashSet<>();
        for (int root : roots) {
            long ticks = 0;
            for (int pid : tree(List.of(root), children)) {
                String[] f = counted.add(pid) ? statFields(pid) : null;
                if (f != null) {
                    ticks += cpuTicks(f);
                }
            }
            out.put(root, ticks / (double) ticksPerSecond);
        }
        return out;
    }

    /**
     * Each root's CPU between two readings of {@link #cpuSecondsByRoot}, times {@code scale} (e.g.
     * µs per message), keyed by PID; empty unless more than one root was given.
     */
    public static Map<String, Double> perRoot(Map<Integer, Double> before, Map<Integer, Double> after, double scale) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (after.size() > 1) {
            after.forEach((pid, seconds) -> out.put(String.valueOf(pid),
                    Report.round((seconds - before.getOrDefault(pid, 0.0)) * scale, 2)));
        }
        return out;
    }

    /** CPU seconds (user + system) of every JIT compiler thread of these processes, by thread id. */
    private Map<Integer, Double> jitSecondsByThread(Set<Integer> pids) {
        Map<Integer, Double> out = new HashMap<>();
        for (int pid : pids) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks) {
                    String[] f = isJitCompiler(task) ? statFields(task) : null;
                    if (f != null) {
                        out.put(Integer.parseInt(task.getFileName().toString()), cpuTicks(f) / (double) ticksPerSecond);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return out;
    }

    /** HotSpot's compiler threads, by name (the kernel keeps its first 15 characters). */
    private static boolean isJitCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm"));
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
    }

    /** The roots and all their descendants that are alive now. */
    Set<Integer> tree() {
        return tree(roots, children());
    }

    private static Set<Integer> tree(List<Integer> from, Map<Integer, List<Integer>> children) {
        Set<Integer> out = new LinkedHashSet<>();
        List<Integer> todo = new ArrayList<>(from);
        while (!todo.isEmpty()) {
            int pid = todo.remove(todo.size() - 1);
            if (out.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return out;
    }

    /** Every live process's children, by parent PID; empty if /proc cannot be listed (then a tree is its root). */
    private static Map<Integer, List<Integer>> children() {
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
            return Map.of();
        }
        return children;
    }

    /** The fields of /proc/PID/stat after the command name: [0] is state, [1] ppid, [11] utime, [12] stime. */
    private static String[] statFields(int pid) {
        return statFields(Path.of("/proc", String.valueOf(pid)));
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat) of {@link #statFields}. */
    private static long cpuTicks(String[] statFields) {
        return Long.parseLong(statFields[11]) + Long.parseLong(statFields[12]);
    }

    /** As {@link #statFields(int)}, for a process or thread directory (/proc/PID or /proc/PID/task/TID). */
    private static String[] statFields(Path dir) {
        try {
            String s = Files.readString(dir.resolve("stat"));
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
