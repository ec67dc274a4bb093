package im.hearth.actors.feature.pep;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountOutcome.Effect;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.pep.PepItemPublished;
import im.hearth.persistence.event.user.pep.PepItemRetracted;
import im.hearth.persistence.event.user.pep.PepNodeConfigured;
import im.hearth.persistence.event.user.pep.PepNodeDeleted;
import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.pubsub.PubSub;
import im.hearth.protocol.feature.pubsub.PubSubRequest;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The PEP service of one account as a pure function (XEP-0163 over XEP-0060): publish with
 * auto-create and publish-options (7.1, 7.1.5), retract (7.2), items (6.5), create (8.1), and the
 * owner's configure (8.2) and delete (8.4). Only the owner changes anything; readers are checked
 * by {@link PepAccess}. Notifications leave as {@link Effect.Notify} for the entity to address.
 */
public final class PepDecider {

    private PepDecider() {
    }

    public static AccountOutcome decide(Pep pep, Roster roster, AccountRequest request, PepSettings settings) {
        Element iq = request.iq();
        PubSubRequest r = PubSubRequest.parse(request.payload(), "set".equals(Stanzas.type(iq)));
        if (r instanceof PubSubRequest.Malformed m) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, m.condition(), null, m.text());
        } else if (r instanceof PubSubRequest.Unsupported u) {
            return error(iq, StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, "unsupported", u.feature(), null);
        } else if (r instanceof PubSubRequest.Items items) {
            return items(pep, roster, request, items);
        }
        if (!request.fromOwner()) {
            // XEP-0060 7.1.3.1, 7.2.3.1, 8.2.3.2, 8.4.3.1: only the owner publishes and manages.
            return error(iq, StanzaErrorCondition.FORBIDDEN, null, null, "only the owner manages this PEP service");
        }
        if (r instanceof PubSubRequest.Publish p) {
            return publish(pep, request, p, settings);
        } else if (r instanceof PubSubRequest.Retract rt) {
            return retract(pep, request, rt);
        } else if (r instanceof PubSubRequest.Create c) {
            return create(pep, request, c, settings);
        } else if (r instanceof PubSubRequest.Configure c) {
            return configure(pep, request, c, settings);
        }
        return delete(pep, request, (PubSubRequest.Delete) r);
    }

    private static AccountOutcome items(Pep pep, Roster roster, AccountRequest request, PubSubRequest.Items r) {
        Element iq = request.iq();
        Optional<Pep.PepNode> node = pep.node(r.node());
        if (node.isEmpty()) {
            return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, null, null, null);
        }
        String access = node.get().accessModel();
        if (!PepAccess.mayRead(access, request.account().toString(), roster, request.from().bare().toString())) {
            return NodeConfig.PRESENCE.equals(access)
                    ? error(iq, StanzaErrorCondition.NOT_AUTHORIZED, "presence-subscription-required", null, null)
                    : error(iq, StanzaErrorCondition.NOT_ALLOWED, "closed-node", null, null);
        }
        List<Pep.StoredItem> items = node.get().items();
        if (!r.itemIds().isEmpty()) {
            items = items.stream().filter(i -> r.itemIds().contains(i.id())).toList();
        } else if (r.maxItems() != null && r.maxItems() < items.size()) {
            items = items.subList(items.size() - r.maxItems(), items.size()); // 6.5.7: the most recent
        }
        List<PubSub.Item> out = items.stream().map(PepDecider::item).toList();
        return AccountOutcome.reply(Stanzas.iqResult(iq, PubSub.itemsResult(r.node(), out)));
    }

    private static AccountOutcome publish(Pep pep, AccountRequest request, PubSubRequest.Publish p,
                                          PepSettings settings) {
        Element iq = request.iq();
        String xml = XmlWriter.write(p.payload());
        if (xml.getBytes(StandardCharsets.UTF_8).length > settings.maxItemBytes()) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "payload-too-big", null,
                    "items are limited to " + settings.maxItemBytes() + " bytes");
        }
        Map<String, String> options = Map.of();
        if (p.options().isPresent()) {
            NodeConfig.Parsed parsed = NodeConfig.parse(p.options().get(), settings.maxItems());
            if (parsed instanceof NodeConfig.Parsed.Invalid) {
                // 7.1.5: options the service cannot meet are a precondition that is not met.
                return error(iq, StanzaErrorCondition.CONFLICT, "precondition-not-met", null,
                        ((NodeConfig.Parsed.Invalid) parsed).text());
            }
            options = ((NodeConfig.Parsed.Options) parsed).values();
        }
        List<UserEvent> events = new ArrayList<>();
        Optional<Pep.PepNode> existing = pep.node(p.node());
        Map<String, String> config;
        List<Pep.StoredItem> items;
        if (existing.isPresent()) {
            config = existing.get().config();
            for (Map.Entry<String, String> o : options.entrySet()) {
                if (!o.getValue().equals(config.getOrDefault(o.getKey(), NodeConfig.DEFAULTS.get(o.getKey())))) {
                    return error(iq, StanzaErrorCondition.CONFLICT, "precondition-not-met", null,
                            "the node's " + o.getKey() + " is not " + o.getValue());
                }
            }
            items = existing.get().items();
        } else {
            if (pep.nodes().size() >= settings.maxNodes()) {
                return error(iq, StanzaErrorCondition.NOT_ALLOWED, "max-nodes-exceeded", null,
                        "an account has at most " + settings.maxNodes() + " nodes");
            }
            config = merged(NodeConfig.DEFAULTS, options); // XEP-0163 section 3: auto-create
            events.add(new PepNodeConfigured(p.node(), config, request.now()));
            items = List.of();
        }
        String id = p.itemId() != null ? p.itemId() : UUID.randomUUID().toString();
        // "max" is bounded by the service: the oldest items make room, as if retracted.
        List<Pep.StoredItem> kept = items.stream().filter(i -> !i.id().equals(id)).toList();
        for (int i = 0; i <= kept.size() - settings.maxItems(); i++) {
            events.add(new PepItemRetracted(p.node(), kept.get(i).id(), request.now()));
        }
        events.add(new PepItemPublished(p.node(), id, xml, request.now()));
        boolean payloads = !"false".equals(config.get(NodeConfig.DELIVER_PAYLOADS));
        Element event = PubSub.itemsEvent(p.node(), List.of(new PubSub.Item(id, payloads ? p.payload() : null)));
        return AccountOutcome.of(events, new Effect.Reply(Stanzas.iqResult(iq, PubSub.publishResult(p.node(), id))),
                notify(p.node(), config, event));
    }

    private static AccountOutcome retract(Pep pep, AccountRequest request, PubSubRequest.Retract r) {
        Element iq = request.iq();
        Optional<Pep.PepNode> node = pep.node(r.node());
        if (node.isEmpty()) {
            return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, null, null, "no such node");
        }
        List<UserEvent> events = new ArrayList<>();
        for (String id : r.itemIds()) {
            if (node.get().items().stream().noneMatch(i -> i.id().equals(id))) {
                return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, null, null, "no item " + id);
            }
            events.add(new PepItemRetracted(r.node(), id, request.now()));
        }
        Effect reply = new Effect.Reply(Stanzas.iqResult(iq, null));
        if (!r.notifyRetract() || "false".equals(node.get().config().get(NodeConfig.NOTIFY_RETRACT))) {
            return AccountOutcome.of(events, reply);
        }
        return AccountOutcome.of(events, reply,
                notify(r.node(), node.get().config(), PubSub.retractEvent(r.node(), r.itemIds())));
    }

    private static AccountOutcome create(Pep pep, AccountRequest request, PubSubRequest.Create c,
                                         PepSettings settings) {
        Element iq = request.iq();
        if (pep.node(c.node()).isPresent()) {
            return error(iq, StanzaErrorCondition.CONFLICT, null, null, "the node exists"); // 8.1.3
        }
        if (pep.nodes().size() >= settings.maxNodes()) {
            return error(iq, StanzaErrorCondition.NOT_ALLOWED, "max-nodes-exceeded", null, null);
        }
        Map<String, String> options = Map.of();
        if (c.config().isPresent()) {
            NodeConfig.Parsed parsed = NodeConfig.parse(c.config().get(), settings.maxItems());
            if (parsed instanceof NodeConfig.Parsed.Invalid inv) {
                return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, inv.pubsubCondition(), null, inv.text());
            }
            options = ((NodeConfig.Parsed.Options) parsed).values();
        }
        return AccountOutcome.of(List.of(new PepNodeConfigured(c.node(), merged(NodeConfig.DEFAULTS, options),
                request.now())), new Effect.Reply(Stanzas.iqResult(iq, null)));
    }

    private static AccountOutcome configure(Pep pep, AccountRequest request, PubSubRequest.Configure c,
                                            PepSettings settings) {
        Element iq = request.iq();
        Optional<Pep.PepNode> node = pep.node(c.node());
        if (node.isEmpty()) {
            return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, null, null, "no such node");
        }
        if (c.form() == null) {
            Map<String, String> current = merged(NodeConfig.DEFAULTS, node.get().config());
            return AccountOutcome.reply(Stanzas.iqResult(iq, PubSub.configureResult(c.node(), NodeConfig.form(current))));
        }
        if (c.form().type().equals("cancel")) {
            return AccountOutcome.reply(Stanzas.iqResult(iq, null)); // 8.2.6
        }
        NodeConfig.Parsed parsed = NodeConfig.parse(c.form(), settings.maxItems());
        if (parsed instanceof NodeConfig.Parsed.Invalid inv) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, inv.pubsubCondition(), null, inv.text()); // 8.2.5.3
        }
        Map<String, String> config = merged(node.get().config(), ((NodeConfig.Parsed.Options) parsed).values());
        return AccountOutcome.of(List.of(new PepNodeConfigured(c.node(), config, request.now())),
                new Effect.Reply(Stanzas.iqResult(iq, null)));
    }

    private static AccountOutcome delete(Pep pep, AccountRequest request, PubSubRequest.Delete d) {
        Element iq = request.iq();
        Optional<Pep.PepNode> node = pep.node(d.node());
        if (node.isEmpty()) {
            return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, null, null, "no such node");
        }
        List<UserEvent> events = List.of(new PepNodeDeleted(d.node(), request.now()));
        Effect reply = new Effect.Reply(Stanzas.iqResult(iq, null));
        if ("false".equals(node.get().config().get(NodeConfig.NOTIFY_DELETE))) {
            return AccountOutcome.of(events, reply);
        }
        return AccountOutcome.of(events, reply, notify(d.node(), node.get().config(), PubSub.deleteEvent(d.node())));
    }

    static PubSub.Item item(Pep.StoredItem stored) {
        return new PubSub.Item(stored.id(), XmlReader.parse(stored.payloadXml()));
    }

    private static Effect notify(String node, Map<String, String> config, Element event) {
        return new Effect.Notify(node, config.getOrDefault(NodeConfig.ACCESS_MODEL, NodeConfig.PRESENCE), event);
    }

    private static Map<String, String> merged(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.putAll(changes);
        return m;
    }

    private static AccountOutcome error(Element iq, StanzaErrorCondition condition, String pubsubCondition,
                                        String feature, String text) {
        return AccountOutcome.reply(PubSub.error(iq, condition, pubsubCondition, feature, text));
    }
}
