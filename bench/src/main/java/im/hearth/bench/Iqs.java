package im.hearth.bench;

import im.hearth.bench.net.Client;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Blocking IQ round trips for a scenario's set-up phase (disco), from the driver thread. */
final class Iqs {

    private Iqs() {
    }

    static Element get(Client c, String to, Element payload) throws Exception {
        CompletableFuture<Element> reply = new CompletableFuture<>();
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "get").attr("to", to).child(payload).build();
        c.post(() -> c.sendIq(iq, reply::complete));
        return reply.get(30, TimeUnit.SECONDS);
    }

    /** The features of disco#info on {@code to}; empty on an error reply. */
    static List<String> features(Client c, String to) throws Exception {
        Element reply = get(c, to, Element.of("query", Namespaces.DISCO_INFO));
        List<String> out = new ArrayList<>();
        reply.child("query", Namespaces.DISCO_INFO).ifPresent(q -> {
            for (Element f : q.children("feature", Namespaces.DISCO_INFO)) {
                out.add(f.attr("var"));
            }
        });
        return out;
    }

    /** The items of disco#items on {@code to}. */
    static List<String> items(Client c, String to) throws Exception {
        Element reply = get(c, to, Element.of("query", Namespaces.DISCO_ITEMS));
        List<String> out = new ArrayList<>();
        reply.child("query", Namespaces.DISCO_ITEMS).ifPresent(q -> {
            for (Element i : q.children("item", Namespaces.DISCO_ITEMS)) {
                out.add(i.attr("jid"));
            }
        });
        return out;
    }
}
