package im.hearth.bench;

import im.hearth.bench.net.Client;
import im.hearth.bench.report.Report;
import im.hearth.bench.report.ServerProbe;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code muc}: O occupants join one room (XEP-0045 §7.2; an instant room per §10.1.2 when we
 * create it), random occupants send groupchat messages at rate R for D seconds, and every
 * occupant times every message it receives: deliveries/s and latency of the fan-out.
 */
final class MucScenario {
    static final String MUC = "http://jabber.org/protocol/muc";
    static final String MUC_USER = MUC + "#user";
    static final String MUC_OWNER = MUC + "#owner";

    private MucScenario() {
    }

    static Report run(Run run) throws Exception {
        Options o = run.options();
        List<Options.Account> accounts = Accounts.prepare(o, o.occupants, run.pool(), run.progress(), run.out());
        Sessions s = new Sessions();
        Set<Client> joined = ConcurrentHashMap.newKeySet();
        Traffic[] current = new Traffic[1];
        String[] roomJid = new String[1];
        s.onStanza((c, e) -> {
            if (e.name().equals("presence") && roomJid[0] != null && String.valueOf(e.attr("from")).startsWith(roomJid[0] + "/")) {
                joinedOrCreated(c, e, roomJid[0], joined);
            } else if (e.name().equals("message") && current[0] != null) {
                current[0].received(e);
            }
        });
        s.run(run.pool(), accounts, o.loginRate, o.concurrency, false, "login", run.progress(), o.timeoutSeconds);
        try {
            List<Client> clients = new ArrayList<>(s.online);
            if (clients.isEmpty()) {
                throw new IllegalStateException("nobody logged in: " + s.failureReasons());
            }
            String service = o.mucService != null ? o.mucService : discoverMuc(clients.get(0), o.domain);
            if (service == null) {
                return run.report("muc").put("supported", false)
                        .put("reason", "not supported by this server: no MUC service in disco#items of " + o.domain);
            }
            roomJid[0] = o.room + "@" + service;
            // The first occupant creates the room, then the others join.
            join(clients.get(0), roomJid[0]);
            waitFor(() -> joined.size() >= 1, 15);
            if (joined.isEmpty()) {
                return run.report("muc").put("supported", false).put("reason", "could not join " + roomJid[0]);
            }
            for (Client c : clients.subList(1, clients.size())) {
                join(c, roomJid[0]);
            }
            run.progress().set(() -> "joining " + roomJid[0] + ": " + joined.size() + "/" + clients.size());
            waitFor(() -> joined.size() >= clients.size(), o.timeoutSeconds);
            run.progress().set(null);
            List<Client> occupants = new ArrayList<>(joined);
            double rate = o.rateOr(20);
            Traffic t = new Traffic(1, o.bodySize);
            current[0] = t;
            SplittableRandom random = new SplittableRandom(1);
            run.progress().set(() -> String.format("muc at %.0f msg/s to %d occupants: sent %d, deliveries %d",
                    rate, occupants.size(), t.sent.get(), t.delivered.get()));
            ServerProbe.Reading cpu0 = run.probe().read();
            t.drive(rate, o.warmupSeconds, o.durationSeconds, (seq, intended, measured) -> {
                Client sender = occupants.get(random.nextInt(occupants.size()));
                Element m = Element.builder("message", Namespaces.CLIENT).attr("to", roomJid[0]).attr("type", "groupchat")
                        .textChild("body", Namespaces.CLIENT, t.body(seq, intended)).build();
                sender.post(() -> sender.send(m));
            });
            long expected = t.sent.get() * occupants.size();
            t.drain(expected, o.drainSeconds);
            ServerProbe.Reading cpu1 = run.probe().read();
            run.progress().set(null);
            Report r = run.report("muc")
                    .put("supported", true)
                    .put("room", roomJid[0])
                    .put("occupants", occupants.size())
                    .put("rate_target", rate)
                    .put("duration_s", o.durationSeconds)
                    .put("sent", t.sent.get())
                    .put("deliveries_expected", expected)
                    .put("deliveries", t.delivered.get())
                    .put("lost", expected - t.delivered.get())
                    .put("errors", t.errors.get())
                    .put("deliveries_per_s", Report.round(t.delivered.get() / o.durationSeconds, 1))
                    .target("deliveries_per_s", ">= 10000 at 200 occupants, p99 < 100 ms")
                    .latencies("latency", t.latencyMicros);
            if (run.probe().enabled()) {
                r.put("server_cpu_s", Report.round(cpu1.total() - cpu0.total(), 2))
                        .put("server_jit_cpu_share", ServerProbe.jitShare(cpu0, cpu1)); // as in chat: still compiling?
            }
            return r;
        } finally {
            current[0] = null;
            s.closeAll();
        }
    }

    /** Enter the room with the user's name as nick, asking for no history (XEP-0045 §7.2.14). */
    private static void join(Client c, String room) {
        Element p = Element.builder("presence", Namespaces.CLIENT).attr("to", room + "/" + c.user())
                .child(Element.builder("x", MUC).child(Element.builder("history", MUC)
                        .attr("maxstanzas", "0").build()).build())
                .build();
        c.post(() -> c.send(p));
    }

    private static void joinedOrCreated(Client c, Element presence, String room, Set<Client> joined) {
        Element x = presence.child("x", MUC_USER).orElse(null);
        if (x == null || "error".equals(presence.attr("type"))) {
            return;
        }
        List<String> codes = x.children("status", MUC_USER).stream().map(st -> st.attr("code")).toList();
        if (!codes.contains("110")) {
            return; // another occupant's presence
        }
        if (codes.contains("201")) {
            // We created it, locked: accept the default configuration (an instant room).
            c.sendIq(Element.builder("iq", Namespaces.CLIENT).attr("type", "set").attr("to", room)
                    .child(Element.builder("query", MUC_OWNER)
                            .child(Element.builder("x", "jabber:x:data").attr("type", "submit").build()).build())
                    .build(), reply -> joined.add(c));
        } else {
            joined.add(c);
        }
    }

    /** The first disco#items entry of the domain whose disco#info has the MUC feature. */
    static String discoverMuc(Client c, String domain) throws Exception {
        for (String item : Iqs.items(c, domain)) {
            if (Iqs.features(c, item).contains(MUC)) {
                return item;
            }
        }
        return null;
    }

    static void waitFor(java.util.function.BooleanSupplier condition, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
