package im.hearth.bench;

import im.hearth.bench.net.Client;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One measured stream of messages at a fixed rate: the bodies carry the step, a sequence number
 * and the time the message was <em>meant</em> to be sent, so a generator that falls behind shows up
 * as latency instead of hiding it (no coordinated omission). The receivers count and time what
 * arrives; {@link #send} happens on a driver thread that hands each message to its sender's loop.
 */
final class Traffic {
    final Histogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong warmupSent = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    /** The slowest delivery, warm-up included, since the progress line last took it. */
    private final AtomicLong worstMicros = new AtomicLong();
    private final String step;
    private final String padding;
    private volatile boolean measuring;

    Traffic(int step, int bodySize) {
        // A run id in the step tag: offline messages from an earlier run (same accounts) must not count.
        this.step = Long.toHexString(System.nanoTime() ^ Double.doubleToLongBits(Math.random())) + "." + step;
        this.padding = "x".repeat(Math.max(0, bodySize - 40));
    }

    String body(long seq, long intendedNanos) {
        return "bench " + step + " " + seq + " " + intendedNanos + " " + (measuring ? 1 : 0) + " " + padding;
    }

    /** A received message: counts and times it when it belongs to this step's measured part. */
    void received(Element message) {
        if ("error".equals(message.attr("type"))) {
            if (message.childText("body", Namespaces.CLIENT).map(b -> b.startsWith("bench " + step + " ")).orElse(false)) {
                errors.incrementAndGet();
            }
            return;
        }
        String body = message.childText("body", Namespaces.CLIENT).orElse(null);
        if (body == null || !body.startsWith("bench ")) {
            return;
        }
        String[] f = body.split(" ", 6);
        if (f.length < 5 || !f[1].equals(step)) {
            return;
        }
        long micros = Math.max(0, (System.nanoTime() - Long.parseLong(f[3])) / 1000);
        worstMicros.accumulateAndGet(micros, Math::max);
        if (f[4].equals("1")) {
            latencyMicros.recordValue(micros);
            delivered.incrementAndGet();
        }
    }

    /** The slowest delivery since the last call (warm-up included), in ms: shows when a stall happened. */
    long takeWorstMillis() {
        return worstMicros.getAndSet(0) / 1000;
    }

    /**
     * Sends at {@code rate} per second: {@code warmup} seconds unmeasured, then {@code duration}
     * measured. {@code sendOne} gets the intended send time and must hand the message to a client.
     */
    void drive(double rate, double warmup, double duration, Sender sendOne) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        long count = 0;
        measuring = warmup <= 0;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * rate);
            while (count < due) {
                long intended = start + (long) (count / rate * 1e9);
                if (!measuring && intended >= measureFrom) {
                    measuring = true;
                }
                if (intended >= end) {
                    break;
                }
                sendOne.send(count, intended, measuring);
                (measuring ? sent : warmupSent).incrementAndGet();
                count++;
            }
            TimeUnit.MICROSECONDS.sleep(500);
        }
    }

    interface Sender {
        void send(long seq, long intendedNanos, boolean measured);
    }

    /** Waits until every measured message is delivered (times the fan-out) or the time is up. */
    void drain(long expected, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (delivered.get() + errors.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static Element chat(Client to, String body, String type) {
        return Element.builder("message", Namespaces.CLIENT).attr("to", to.bareJid()).attr("type", type)
                .textChild("body", Namespaces.CLIENT, body).build();
    }
}
