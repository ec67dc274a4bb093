package im.hearth.actors.feature.pep;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.caps.Caps;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.pubsub.PubSub;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory side of one account's PEP service, held by its User entity: which available
 * resources (the owner's and contacts') want which nodes, learnt from the '+notify' features of
 * their entity capabilities (XEP-0163 section 4, XEP-0115). An unknown caps 'ver' is asked for
 * with a disco#info query from the account to the resource, and trusted (cached node-wide) only
 * when its hash checks out (XEP-0115 5.4). On a resource's first available presence it gets the
 * last item of each node it wants (XEP-0163 4.3.2). Everything it returns is for the router.
 */
public final class PepLive {
    private static final Logger log = LoggerFactory.getLogger(PepLive.class);
    private static final String QUERY_PREFIX = "pep-caps-";
    private static final String NOTIFY = "+notify";
    /** Unanswered caps queries kept at once; an older one is forgotten (its resource gets no notifications). */
    private static final int MAX_PENDING = 64;

    private final PepFeature feature;
    private final BareJid owner;
    private final Map<String, Set<String>> interests = new LinkedHashMap<>();
    private final Map<String, String> awaiting = new LinkedHashMap<>();
    private final Map<String, String> queries = new LinkedHashMap<>();
    private long counter;

    private PepLive(PepFeature feature, BareJid owner) {
        this.feature = feature;
        this.owner = owner;
    }

    /** The PEP side of an entity; one that does nothing when the pep feature is disabled. */
    public static PepLive of(Collection<AccountFeature> features, BareJid owner) {
        PepFeature pep = null;
        for (AccountFeature f : features) {
            if (f instanceof PepFeature p) {
                pep = p;
            }
        }
        return new PepLive(pep, owner);
    }

    /** Available or unavailable presence of a resource, the owner's or a contact's (full JID). */
    public List<Element> onPresence(UserState s, String fullJid, Element presence) {
        if (feature == null) {
            return List.of();
        }
        Optional<Element> c = presence.child("c", Caps.NAMESPACE);
        if (Stanzas.type(presence) != null || c.isEmpty() || !"sha-1".equals(c.get().attr("hash"))
                || c.get().attr("ver") == null || c.get().attr("node") == null) {
            // Gone, or no (usable) caps: no '+notify', so no notifications (section 4.1).
            forget(fullJid);
            return List.of();
        }
        String ver = c.get().attr("ver");
        Optional<Set<String>> known = feature.caps().features(ver);
        if (known.isPresent()) {
            awaiting.remove(fullJid);
            return interested(s, fullJid, known.get());
        }
        if (ver.equals(awaiting.get(fullJid))) {
            return List.of(); // already asked
        }
        String id = QUERY_PREFIX + (++counter);
        awaiting.put(fullJid, ver);
        queries.put(id, fullJid);
        if (queries.size() > MAX_PENDING) {
            String oldest = queries.keySet().iterator().next();
            awaiting.remove(queries.remove(oldest));
        }
        return List.of(Element.builder("iq", Namespaces.CLIENT).attr("type", "get").attr("id", id)
                .attr("from", owner.toString()).attr("to", fullJid)
                .child(Element.builder("query", Namespaces.DISCO_INFO).attr("node", c.get().attr("node") + "#" + ver).build())
                .build());
    }

    /** A resource that is gone without unavailable presence (its session ended). */
    public void forget(String fullJid) {
        interests.remove(fullJid);
        awaiting.remove(fullJid);
    }

    /** True for the result or error of a caps query this account sent. */
    public boolean isCapsAnswer(Element iq) {
        String type = Stanzas.type(iq);
        String id = Stanzas.id(iq);
        return feature != null && ("result".equals(type) || "error".equals(type)) && id != null && queries.containsKey(id);
    }

    public List<Element> onCapsAnswer(UserState s, Element iq) {
        String fullJid = queries.remove(Stanzas.id(iq));
        String ver = awaiting.remove(fullJid);
        Optional<Element> query = iq.child("query", Namespaces.DISCO_INFO);
        if (ver == null || !fullJid.equals(Stanzas.from(iq)) || query.isEmpty() || !"result".equals(Stanzas.type(iq))) {
            return List.of();
        }
        DiscoInfo info = DiscoInfo.parse(query.get());
        if (!Caps.ver(info).equals(ver)) {
            log.warn("caps of {} do not match their hash {}: ignored for PEP notifications", fullJid, ver);
            return List.of();
        }
        feature.caps().put(ver, new HashSet<>(info.features()));
        return interested(s, fullJid, new HashSet<>(info.features()));
    }

    private List<Element> interested(UserState s, String fullJid, Set<String> features) {
        Set<String> nodes = new HashSet<>();
        for (String f : features) {
            if (f.endsWith(NOTIFY) && f.length() > NOTIFY.length()) {
                nodes.add(f.substring(0, f.length() - NOTIFY.length()));
            }
        }
        Set<String> before = interests.put(fullJid, Set.copyOf(nodes));
        // 4.3.2: the last items on the first available presence, or for nodes newly wanted.
        List<Element> out = new ArrayList<>();
        for (String node : nodes) {
            if (before != null && before.contains(node)) {
                continue;
            }
            s.pep().node(node).ifPresent(n -> {
                if (!"never".equals(n.config().get(NodeConfig.SEND_LAST)) && n.last().isPresent()
                        && mayReceive(s, n.accessModel(), fullJid)) {
                    out.add(message(fullJid, PubSub.itemsEvent(node, List.of(PepDecider.item(n.last().get())))));
                }
            });
        }
        return out;
    }

    /** The notifications of one publish, retract or delete (XEP-0163 4.3): one message per interested resource. */
    public List<Element> notify(UserState s, AccountOutcome.Effect.Notify n) {
        List<Element> out = new ArrayList<>();
        if (feature == null) {
            return out;
        }
        interests.forEach((fullJid, nodes) -> {
            if (nodes.contains(n.node()) && mayReceive(s, n.accessModel(), fullJid)) {
                out.add(message(fullJid, n.event()));
            }
        });
        return out;
    }

    private boolean mayReceive(UserState s, String accessModel, String fullJid) {
        String bare = Jid.parse(fullJid).bare().toString();
        return !s.blocklist().blocks(fullJid) && PepAccess.mayRead(accessModel, owner.toString(), s.roster(), bare);
    }

    /** XEP-0163 4.3: a headline from the account's bare JID. */
    private Element message(String to, Element event) {
        return Element.builder("message", Namespaces.CLIENT).attr("from", owner.toString()).attr("to", to)
                .attr("type", "headline").attr("id", "pep-" + java.util.UUID.randomUUID()).child(event).build();
    }
}
