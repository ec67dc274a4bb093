package im.hearth.bench.report;

import java.io.PrintStream;
import java.util.function.Supplier;

/** The one status line a run prints while it works: redrawn in place on a terminal, every 5 s otherwise. */
public final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private final Thread thread;
    private volatile Supplier<String> line;
    private volatile boolean running = true;
    private int lastLength;

    public Progress(PrintStream out, boolean quiet) {
        this.out = out;
        this.terminal = System.console() != null;
        this.thread = new Thread(this::run, "bench-progress");
        this.thread.setDaemon(true);
        if (!quiet) {
            thread.start();
        }
    }

    /** What to show from now on; null for nothing. */
    public void set(Supplier<String> line) {
        Supplier<String> old = this.line;
        this.line = line;
        if (line == null && old != null) {
            print(old.get(), true);
        }
    }

    private void run() {
        long ticks = 0;
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            Supplier<String> l = line;
            if (l != null && (terminal || ++ticks % 5 == 0)) {
                print(l.get(), false);
            }
        }
    }

    private synchronized void print(String s, boolean last) {
        if (!thread.isAlive() && !last) {
            return;
        }
        if (terminal) {
            String pad = s.length() < lastLength ? " ".repeat(lastLength - s.length()) : "";
            out.print("\r" + s + pad + (last ? "\n" : ""));
            lastLength = last ? 0 : s.length();
        } else {
            out.println("  .. " + s);
        }
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
