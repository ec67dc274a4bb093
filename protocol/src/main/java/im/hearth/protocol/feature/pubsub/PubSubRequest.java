package im.hearth.protocol.feature.pubsub;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request of the XEP-0060 subset, read from the {@code <pubsub/>} payload of an IQ: publish
 * (7.1, with publish-options 7.1.5), retract (7.2), items (6.5), create (8.1), and the owner's
 * configure (8.2) and delete (8.4). Anything else is {@link Unsupported}; a request that breaks the
 * schema is {@link Malformed}, with the {@code pubsub#errors} condition to answer with.
 */
public sealed interface PubSubRequest {

    /** {@code <publish node><item id?>payload</item></publish>}; id null asks the service for one. */
    record Publish(String node, String itemId, Element payload, Optional<DataForm> options) implements PubSubRequest {
    }

    /** {@code <retract node notify><item id/>…</retract>}. */
    record Retract(String node, List<String> itemIds, boolean notifyRetract) implements PubSubRequest {
        public Retract {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** {@code <items node max_items?><item id/>…</items>}: all (newest last), some by id, or the newest max. */
    record Items(String node, Integer maxItems, List<String> itemIds) implements PubSubRequest {
        public Items {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** {@code <create node/>} with an optional {@code <configure><x/></configure>}. */
    record Create(String node, Optional<DataForm> config) implements PubSubRequest {
    }

    /** Owner: {@code <configure node/>}, a get (form null) or a set with a submitted form. */
    record Configure(String node, DataForm form) implements PubSubRequest {
    }

    /** Owner: {@code <delete node/>}. */
    record Delete(String node) implements PubSubRequest {
    }

    /** A request this subset does not do (subscribe, purge, affiliations, …): {@code feature} names it. */
    record Unsupported(String feature) implements PubSubRequest {
    }

    /** Breaks the schema: answer bad-request with this {@code pubsub#errors} condition (may be null). */
    record Malformed(String condition, String text) implements PubSubRequest {
    }

    /** Reads the payload of an IQ get or set; {@code set} is the IQ's type. */
    static PubSubRequest parse(Element pubsub, boolean set) {
        if (pubsub.is("pubsub", PubSub.OWNER)) {
            return owner(pubsub, set);
        }
        if (!pubsub.is("pubsub", PubSub.NAMESPACE)) {
            return new Malformed(null, "not a pubsub request");
        }
        List<Element> children = pubsub.elements();
        if (children.isEmpty()) {
            return new Malformed(null, "empty pubsub request");
        }
        Element first = children.get(0);
        String node = first.attr("node");
        switch (first.name()) {
            case "publish":
                return set ? publish(first, pubsub) : new Malformed(null, "publish is a set");
            case "retract":
                return set ? retract(first) : new Malformed(null, "retract is a set");
            case "items":
                return set ? new Malformed(null, "items is a get") : items(first);
            case "create":
                if (!set) {
                    return new Malformed(null, "create is a set");
                }
                Optional<Element> configure = pubsub.child("configure", PubSub.NAMESPACE);
                Optional<Element> x = configure.flatMap(c -> c.child("x", DataForm.NAMESPACE));
                Optional<DataForm> form = x.flatMap(DataForm::parse);
                if (x.isPresent() && form.isEmpty()) {
                    return new Malformed(null, "bad configuration form");
                }
                return node == null || node.isEmpty() ? new Unsupported("instant-nodes") : new Create(node, form);
            default:
                return new Unsupported(first.name().equals("subscribe") || first.name().equals("unsubscribe")
                        ? "subscribe" : first.name());
        }
    }

    private static PubSubRequest publish(Element publish, Element pubsub) {
        String node = publish.attr("node");
        if (node == null || node.isEmpty()) {
            return new Malformed("nodeid-required", "publish needs a node");
        }
        List<Element> items = publish.children("item", PubSub.NAMESPACE);
        if (items.isEmpty()) {
            return new Malformed("item-required", "publish one item");
        }
        if (items.size() > 1 || publish.elements().size() > 1) {
            return new Malformed("invalid-payload", "publish one item at a time");
        }
        Element item = items.get(0);
        if (item.elements().isEmpty()) {
            return new Malformed("payload-required", "the item has no payload");
        }
        if (item.elements().size() > 1) {
            return new Malformed("invalid-payload", "an item has exactly one payload element");
        }
        String id = item.attr("id");
        Optional<DataForm> options = Optional.empty();
        Optional<Element> po = pubsub.child("publish-options", PubSub.NAMESPACE);
        if (po.isPresent()) {
            List<Element> forms = po.get().elements();
            if (forms.size() > 1) {
                return new Malformed(null, "one publish-options form");
            }
            if (forms.size() == 1) {
                Optional<DataForm> form = DataForm.parse(forms.get(0));
                if (form.isEmpty() || !"submit".equals(form.get().type())
                        || !form.get().formType().map(PubSub.PUBLISH_OPTIONS_FORM::equals).orElse(false)) {
                    return new Malformed(null, "publish-options must be a submitted "
                            + PubSub.PUBLISH_OPTIONS_FORM + " form");
                }
                options = form;
            }
        }
        return new Publish(node, id == null || id.isEmpty() ? null : id, item.elements().get(0), options);
    }

    private static PubSubRequest retract(Element retract) {
        String node = retract.attr("node");
        if (node == null || node.isEmpty()) {
            return new Malformed("nodeid-required", "retract needs a node");
        }
        List<String> ids = new ArrayList<>();
        for (Element item : retract.children("item", PubSub.NAMESPACE)) {
            String id = item.attr("id");
            if (id == null || id.isEmpty()) {
                return new Malformed("item-required", "retract names items by id");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return new Malformed("item-required", "retract names an item");
        }
        String notify = retract.attr("notify");
        return new Retract(node, ids, "1".equals(notify) || "true".equals(notify));
    }

    private static PubSubRequest items(Element items) {
        String node = items.attr("node");
        if (node == null || node.isEmpty()) {
            return new Malformed("nodeid-required", "items needs a node");
        }
        Integer max = null;
        String m = items.attr("max_items");
        if (m != null) {
            try {
                max = Integer.parseInt(m.trim());
            } catch (NumberFormatException e) {
                return new Malformed(null, "max_items is a number");
            }
            if (max < 1) {
                return new Malformed(null, "max_items is positive");
            }
        }
        List<String> ids = new ArrayList<>();
        for (Element item : items.children("item", PubSub.NAMESPACE)) {
            if (item.attr("id") == null) {
                return new Malformed(null, "an item asked for has an id");
            }
            ids.add(item.attr("id"));
        }
        return new Items(node, max, ids);
    }

    private static PubSubRequest owner(Element pubsub, boolean set) {
        List<Element> children = pubsub.elements();
        if (children.size() != 1) {
            return new Malformed(null, "one owner request");
        }
        Element first = children.get(0);
        String node = first.attr("node");
        if ((first.name().equals("configure") || first.name().equals("delete")) && (node == null || node.isEmpty())) {
            return new Malformed("nodeid-required", first.name() + " needs a node");
        }
        if (first.name().equals("delete")) {
            return set ? new Delete(node) : new Malformed(null, "delete is a set");
        }
        if (first.name().equals("configure")) {
            if (!set) {
                return new Configure(node, null);
            }
            Optional<DataForm> form = first.child("x", DataForm.NAMESPACE).flatMap(DataForm::parse);
            if (form.isEmpty() || !(form.get().type().equals("submit") || form.get().type().equals("cancel"))) {
                return new Malformed(null, "configure takes a submitted form");
            }
            return new Configure(node, form.get());
        }
        return new Unsupported(first.name().equals("purge") ? "purge-nodes" : first.name());
    }
}
