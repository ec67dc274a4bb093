package im.hearth.bench;

import im.hearth.bench.net.Client;
import im.hearth.bench.net.Loop;
import im.hearth.bench.net.Scram;
import im.hearth.bench.net.Tls;
import im.hearth.protocol.sasl.ScramAlgorithm;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** The generator's machinery for one run: the I/O loops, the pool that runs SCRAM's Hi, and client settings. */
final class Pool implements AutoCloseable {
    private final List<Loop> loops = new ArrayList<>();
    private final ExecutorService hi;
    private final AtomicInteger next = new AtomicInteger();
    final Client.Settings settings;
    final Scram.Cache cache;

    Pool(Options o) throws Exception {
        for (int i = 0; i < Math.max(1, o.threads); i++) {
            loops.add(new Loop("bench-io-" + i));
        }
        AtomicInteger n = new AtomicInteger();
        hi = Executors.newFixedThreadPool(Math.max(1, o.hiThreads), r -> {
            Thread t = new Thread(r, "bench-hi-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SSLContext tls = o.tlsContext != null ? o.tlsContext : o.cafile != null ? Tls.trusting(o.cafile) : Tls.trustAll();
        cache = new Scram.Cache(o.scramCache);
        settings = new Client.Settings(new InetSocketAddress(o.host, o.port), o.domain, tls, o.directTls,
                o.sha1 ? ScramAlgorithm.SHA_1 : ScramAlgorithm.SHA_256, cache, hi,
                (long) (o.timeoutSeconds * 1e9), true, o.tlsResume);
    }

    /** A new client on the next loop (round robin); not started. */
    Client client(Options.Account a, String resource, Client.Handler handler, boolean register) {
        Loop loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        return new Client(loop, settings, handler, a.user(), a.password(), resource, register);
    }

    Loop loop(int i) {
        return loops.get(i % loops.size());
    }

    @Override
    public void close() throws InterruptedException {
        hi.shutdownNow();
        hi.awaitTermination(5, TimeUnit.SECONDS);
        for (Loop l : loops) {
            l.close();
        }
    }
}
