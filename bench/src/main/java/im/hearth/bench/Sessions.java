package im.hearth.bench;

import im.hearth.bench.net.Client;
import im.hearth.bench.report.Progress;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Logs in (or registers) many clients: starts them at a fixed rate with at most {@code concurrency}
 * logins in flight, records each login's latency, and waits until every one is online or failed.
 * Clients that drop after being online are counted as {@link #dropped}.
 */
final class Sessions {
    final Histogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
    final List<Client> online = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final AtomicInteger dropped = new AtomicInteger();
    private final java.util.Set<Client> onlineSet = ConcurrentHashMap.newKeySet();
    private final java.util.Set<Client> ended = ConcurrentHashMap.newKeySet();
    final AtomicInteger started = new AtomicInteger();
    final AtomicLong lastOnlineNanos = new AtomicLong();
    long firstStartNanos;
    private final AtomicInteger done = new AtomicInteger();
    private CountDownLatch finished;
    private BiConsumer<Client, Element> onStanza = (c, e) -> { };

    /** What online clients receive from now on (set before messages flow). */
    void onStanza(BiConsumer<Client, Element> handler) {
        this.onStanza = handler;
    }

    int failed() {
        return failures.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    Map<String, Integer> failureReasons() {
        Map<String, Integer> m = new TreeMap<>();
        failures.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** Runs the ramp; returns when all are done or the deadline passed. */
    void run(Pool pool, List<Options.Account> accounts, double rate, int concurrency, boolean register,
             String what, Progress progress, double timeoutSeconds) throws InterruptedException {
        int n = accounts.size();
        finished = new CountDownLatch(n);
        AtomicInteger inFlight = new AtomicInteger();
        Client.Handler handler = new Client.Handler() {
            @Override
            public void online(Client c) {
                latencyMicros.recordValue(Math.max(0, c.loginNanos() / 1000));
                lastOnlineNanos.accumulateAndGet(System.nanoTime(), Math::max);
                online.add(c);
                onlineSet.add(c);
                inFlight.decrementAndGet();
                done.incrementAndGet();
                finished.countDown();
                if (register) {
                    c.close();
                }
            }

            @Override
            public void stanza(Client c, Element stanza) {
                onStanza.accept(c, stanza);
            }

            @Override
            public void failed(Client c, String reason) {
                if (!ended.add(c)) {
                    return; // counted already
                }
                if (onlineSet.contains(c)) {
                    dropped.incrementAndGet();
                    return;
                }
                failures.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
                inFlight.decrementAndGet();
                done.incrementAndGet();
                finished.countDown();
            }
        };
        progress.set(() -> String.format("%s: %d/%d started, %d online, %d failed, %d in flight",
                what, started.get(), n, online.size(), failed(), inFlight.get()));
        firstStartNanos = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        long nextAt = firstStartNanos;
        for (int i = 0; i < n; i++) {
            while (inFlight.get() >= concurrency) {
                Thread.sleep(1);
                nextAt = Math.max(nextAt, System.nanoTime());
            }
            long wait = nextAt - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            nextAt += intervalNanos;
            inFlight.incrementAndGet();
            started.incrementAndGet();
            Client c = pool.client(accounts.get(i), "bench" + i, handler, register);
            c.start();
        }
        finished.await((long) (timeoutSeconds * 1000) + 5000, TimeUnit.MILLISECONDS);
        progress.set(null);
    }

    /** Seconds from the first start to the last login. */
    double rampSeconds() {
        long last = lastOnlineNanos.get();
        return last == 0 ? 0 : (last - firstStartNanos) / 1e9;
    }

    /** Closes every online client, politely, and waits a moment for the bytes to go. */
    void closeAll() throws InterruptedException {
        List<Client> all;
        synchronized (online) {
            all = new ArrayList<>(online);
        }
        CountDownLatch closed = new CountDownLatch(all.size());
        for (Client c : all) {
            c.post(() -> {
                ended.add(c);
                c.close();
                closed.countDown();
            });
        }
        closed.await(10, TimeUnit.SECONDS);
        Thread.sleep(200);
    }
}
