package im.hearth.actors.feature.pep;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.feature.vcard.VCardSettings;
import im.hearth.actors.user.UserState;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.pep.PepItemPublished;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.disco.DiscoItems;
import im.hearth.protocol.feature.pubsub.PubSub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PEP (XEP-0163): every account's bare JID is a pubsub service (XEP-0060 subset, see {@link
 * PepDecider}), discoverable as identity pubsub/pep with its nodes as disco items. State: {@link
 * Pep} in the user's journal; notifications addressed by {@link PepLive} through the node-wide
 * {@link CapsCache}. Settings: {@code hearth.pep.*} ({@link PepSettings}).
 */
public final class PepFeature implements Feature, AccountFeature {
    private static final String P = PubSub.NAMESPACE + "#";
    /** XEP-0060 10 features this subset supports, as XEP-0163 section 9 asks an account to advertise. */
    static final List<String> FEATURES = List.of(PubSub.NAMESPACE, P + "publish", P + "publish-options",
            P + "auto-create", P + "auto-subscribe", P + "filtered-notifications", P + "access-presence",
            P + "access-open", P + "access-whitelist", P + "retract-items", P + "retrieve-items", P + "item-ids",
            P + "create-nodes", P + "delete-nodes", P + "config-node", P + "config-node-max", P + "persistent-items",
            P + "last-published", P + "presence-notifications",
            BookmarksCompat.NODE + "#compat"); // XEP-0402 section 5.3: private XML bookmarks are the node's

    private final PepSettings settings;
    private final VCardSettings vcard;
    private final CapsCache caps = new CapsCache(4096);

    public PepFeature(PepSettings settings) {
        this(settings, null);
    }

    /** @param vcard the vCard settings when vCards are on: a published avatar then becomes the PHOTO (XEP-0398) */
    public PepFeature(PepSettings settings, VCardSettings vcard) {
        this.settings = settings;
        this.vcard = vcard;
    }

    public PepSettings settings() {
        return settings;
    }

    public CapsCache caps() {
        return caps;
    }

    @Override
    public String name() {
        return "pep";
    }

    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(PubSub.NAMESPACE, PubSub.OWNER);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        AccountOutcome out = PepDecider.decide(state.pep(), state.roster(), request, settings);
        Optional<PepItemPublished> metadata = out.events().stream().filter(e -> e instanceof PepItemPublished p
                && p.node().equals(AvatarConversion.METADATA)).map(e -> (PepItemPublished) e).findFirst();
        if (vcard == null || metadata.isEmpty()) {
            return out;
        }
        UserState after = state;
        for (UserEvent e : out.events()) {
            after = after.apply(e);
        }
        return AvatarConversion.vcardFor(after, XmlReader.parse(metadata.get().payloadXml()), request.now(), vcard.maxBytes())
                .map(photo -> out.andThen(AccountOutcome.of(List.of(photo)))).orElse(out);
    }

    @Override
    public List<String> accountDiscoFeatures() {
        if (vcard == null) {
            return FEATURES;
        }
        List<String> all = new ArrayList<>(FEATURES);
        all.add("urn:xmpp:pep-vcard-conversion:0"); // XEP-0398 section 3
        return all;
    }

    @Override
    public List<DiscoInfo.Identity> accountIdentities() {
        return List.of(new DiscoInfo.Identity("pubsub", "pep", null));
    }

    /**
     * XEP-0060 5.3: a node is a leaf. A presence node is shown to anyone, so that a reader without
     * a subscription learns why from the items request (presence-subscription-required); a
     * whitelist node only to those on the list.
     */
    @Override
    public Optional<DiscoInfo> accountNodeInfo(UserState state, AccountRequest request, String node) {
        Optional<Pep.PepNode> n = state.pep().node(node);
        return n.isPresent() && (!NodeConfig.WHITELIST.equals(n.get().accessModel()) || request.fromOwner())
                ? Optional.of(new DiscoInfo(node, List.of(new DiscoInfo.Identity("pubsub", "leaf", null)),
                List.of(PubSub.NAMESPACE)))
                : Optional.empty();
    }

    /** XEP-0163 section 7 (and XEP-0060 5.2): the nodes the asker may read. */
    @Override
    public List<DiscoItems.Item> accountDiscoItems(UserState state, AccountRequest request) {
        List<DiscoItems.Item> items = new ArrayList<>();
        readable(state, request).keySet().forEach(n -> items.add(new DiscoItems.Item(request.account().toString(), n, null)));
        return items;
    }

    private static Map<String, Pep.PepNode> readable(UserState state, AccountRequest request) {
        String owner = request.account().toString();
        String asker = request.from().bare().toString();
        Map<String, Pep.PepNode> out = new java.util.LinkedHashMap<>();
        state.pep().nodes().forEach((name, node) -> {
            if (PepAccess.mayRead(node.accessModel(), owner, state.roster(), asker)) {
                out.put(name, node);
            }
        });
        return out;
    }
}
