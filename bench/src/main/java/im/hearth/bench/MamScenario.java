package im.hearth.bench;

import im.hearth.bench.net.Client;
import im.hearth.bench.report.Report;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * {@code mam}: fills a user's archive with N messages from another user, then times XEP-0313
 * queries of that archive: "last page" (RSM {@code <before/>}, XEP-0313 §5.1 / XEP-0059 §2.5) and
 * "a page in the middle" ({@code <before>} the archive id of the middle message, taken from its
 * {@code <stanza-id>}, else a {@code start} time filter).
 */
final class MamScenario {
    static final String MAM = "urn:xmpp:mam:2";
    static final String RSM = "http://jabber.org/protocol/rsm";

    private MamScenario() {
    }

    static Report run(Run run) throws Exception {
        Options o = run.options();
        List<Options.Account> accounts = Accounts.prepare(o, 2, run.pool(), run.progress(), run.out());
        Sessions s = new Sessions();
        AtomicInteger received = new AtomicInteger();
        AtomicReference<String> middleId = new AtomicReference<>(o.middleId);
        AtomicReference<Instant> middleTime = new AtomicReference<>();
        int middle = o.fill / 2;
        Query[] query = new Query[1];
        s.onStanza((c, e) -> {
            if (!e.name().equals("message")) {
                return;
            }
            Query q = query[0];
            if (q != null && e.child("result", MAM).isPresent()) {
                q.results.incrementAndGet();
                return;
            }
            String body = e.childText("body", Namespaces.CLIENT).orElse("");
            if (body.startsWith("mam-fill ")) {
                received.incrementAndGet();
                if (body.equals("mam-fill " + middle)) {
                    middleTime.set(Instant.now());
                    e.child("stanza-id", Namespaces.STANZA_ID).filter(sid -> c.bareJid().equals(sid.attr("by")))
                            .ifPresent(sid -> middleId.set(sid.attr("id")));
                }
            }
        });
        s.run(run.pool(), accounts, o.loginRate, o.concurrency, false, "login", run.progress(), o.timeoutSeconds);
        try {
            if (s.online.size() < 2) {
                throw new IllegalStateException("the two mam users did not log in: " + s.failureReasons());
            }
            Client sender = s.online.stream().filter(c -> c.user().equals(accounts.get(0).user())).findFirst().orElseThrow();
            Client owner = s.online.stream().filter(c -> c.user().equals(accounts.get(1).user())).findFirst().orElseThrow();
            List<String> features = Iqs.features(owner, owner.bareJid());
            if (!features.contains(MAM)) {
                return run.report("mam").put("supported", false)
                        .put("reason", "not supported by this server: no " + MAM + " in disco#info of the account");
            }
            long t0 = System.nanoTime();
            if (o.fill > 0) {
                run.progress().set(() -> "filling the archive: " + received.get() + "/" + o.fill);
                long start = System.nanoTime();
                for (int i = 0; i < o.fill; i++) {
                    long due = start + (long) (i / o.fillRate * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    Element m = Traffic.chat(owner, "mam-fill " + i, "chat");
                    sender.post(() -> sender.send(m));
                }
                // Until all arrived, or nothing more arrived for 10 s.
                int seen = -1;
                while (received.get() < o.fill && received.get() > seen) {
                    seen = received.get();
                    MucScenario.waitFor(() -> received.get() >= o.fill, 10);
                }
                run.progress().set(null);
            }
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            Histogram last = new Histogram(3_600_000_000L, 3);
            Histogram mid = new Histogram(3_600_000_000L, 3);
            int lastCount = 0;
            int midCount = 0;
            // Unmeasured queries first, as chat's warm-up: a JVM server compiles the query path while it runs.
            long warmEnd = System.nanoTime() + (long) (o.warmupSeconds * 1e9);
            AtomicInteger warmed = new AtomicInteger();
            run.progress().set(() -> "warming up: " + warmed.get() + " queries");
            Histogram discard = new Histogram(3_600_000_000L, 3);
            while (System.nanoTime() < warmEnd) {
                queryPair(owner, query, o.page, middleId.get(), middleTime.get(), discard, discard);
                warmed.addAndGet(2);
            }
            run.progress().set(() -> "querying the archive");
            for (int i = 0; i < o.queries; i++) {
                int[] counts = queryPair(owner, query, o.page, middleId.get(), middleTime.get(), last, mid);
                lastCount = counts[0];
                midCount = counts[1];
            }
            run.progress().set(null);
            return run.report("mam")
                    .put("supported", true)
                    .put("filled", o.fill)
                    .put("fill_delivered", received.get())
                    .put("fill_s", Report.round(fillSeconds, 1))
                    .put("page", o.page)
                    .put("warmup_queries", warmed.get())
                    .put("queries", o.queries)
                    .put("last_page_results", lastCount)
                    .latencies("last_page", last)
                    .target("last_page_p99_ms", "< 20 at 100k archived")
                    .put("middle_by", middleId.get() != null ? "stanza-id" : "start time")
                    .put("middle_page_results", midCount)
                    .latencies("middle_page", mid);
        } finally {
            query[0] = null;
            s.closeAll();
        }
    }

    /** A last-page query and a middle-page one (by stanza-id, else by start time, else the first page); their result counts. */
    private static int[] queryPair(Client owner, Query[] query, int page, String middleId, Instant middleTime,
            Histogram last, Histogram mid) throws Exception {
        int lastCount = time(owner, query, rsm(page, ""), null, last);
        int midCount = time(owner, query, middleId != null ? rsm(page, middleId) : rsm(page, null),
                middleId == null ? middleTime : null, mid);
        return new int[] {lastCount, midCount};
    }

    /** RSM: the last {@code max} before {@code before} ("" for the end of the archive; null for none). */
    private static Element rsm(int max, String before) {
        Element.Builder set = Element.builder("set", RSM).textChild("max", RSM, String.valueOf(max));
        if (before != null) {
            set.child(before.isEmpty() ? Element.of("before", RSM) : Element.builder("before", RSM).text(before).build());
        }
        return set.build();
    }

    private static final class Query {
        final AtomicInteger results = new AtomicInteger();
    }

    /** One query, sent by the owner to its own archive; returns the number of results. */
    private static int time(Client owner, Query[] current, Element rsm, Instant start, Histogram into) throws Exception {
        Query q = new Query();
        current[0] = q;
        Element.Builder query = Element.builder("query", MAM).attr("queryid", "q" + System.nanoTime());
        if (start != null) {
            query.child(Element.builder("x", "jabber:x:data").attr("type", "submit")
                    .child(Element.builder("field", "jabber:x:data").attr("var", "FORM_TYPE").attr("type", "hidden")
                            .textChild("value", "jabber:x:data", MAM).build())
                    .child(Element.builder("field", "jabber:x:data").attr("var", "start")
                            .textChild("value", "jabber:x:data", start.toString()).build())
                    .build());
        }
        query.child(rsm);
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "set").child(query.build()).build();
        CompletableFuture<Element> reply = new CompletableFuture<>();
        long t0 = System.nanoTime();
        owner.post(() -> owner.sendIq(iq, reply::complete));
        Element r = reply.get(60, TimeUnit.SECONDS);
        into.recordValue((System.nanoTime() - t0) / 1000);
        if (!"result".equals(r.attr("type"))) {
            throw new IllegalStateException("MAM query refused: " + Client.errorCondition(r));
        }
        return q.results.get();
    }

}
