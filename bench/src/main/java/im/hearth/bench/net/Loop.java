package im.hearth.bench.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One selector thread that owns many client connections: every callback of a {@link Client} on
 * this loop runs on its thread, so a client needs no locks. Other threads hand work over with
 * {@link #execute}; timers run on the loop too. The byte buffers here are scratch space shared by
 * the loop's connections (used and emptied within one callback), so an idle connection holds none.
 */
public final class Loop implements Executor, AutoCloseable {

    private record Timer(long dueNanos, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicLong timerSeq = new AtomicLong();
    private volatile boolean running = true;

    final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    ByteBuffer appBuffer = ByteBuffer.allocate(34 * 1024);
    ByteBuffer wrapBuffer = ByteBuffer.allocate(34 * 1024);

    public Loop(String name) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    Selector selector() {
        return selector;
    }

    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the loop thread (later, even when called from it). */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    /** Runs the task on the loop thread after the delay; callable from any thread. */
    public void schedule(long delayNanos, Runnable task) {
        Timer t = new Timer(System.nanoTime() + delayNanos, timerSeq.incrementAndGet(), task);
        if (inLoop()) {
            timers.add(t);
        } else {
            execute(() -> timers.add(t));
        }
    }

    private void run() {
        while (running) {
            try {
                long wait = 0;
                Timer first = timers.peek();
                if (tasks.isEmpty()) {
                    if (first == null) {
                        wait = 1000;
                    } else {
                        wait = Math.max(1, (first.dueNanos - System.nanoTime() + 999_999) / 1_000_000);
                    }
                    selector.select(wait);
                } else {
                    selector.selectNow();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.attachment() instanceof Client c) {
                        c.onReady(key);
                    }
                }
                Runnable r;
                int budget = 10_000;
                while (budget-- > 0 && (r = tasks.poll()) != null) {
                    runSafely(r);
                }
                long now = System.nanoTime();
                while ((first = timers.peek()) != null && first.dueNanos <= now) {
                    timers.poll();
                    runSafely(first.task);
                }
            } catch (IOException | RuntimeException e) {
                e.printStackTrace();
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    private static void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
