package im.hearth.protocol.feature.pubsub;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The namespaces of XEP-0060 and the elements a service writes: the publish result (7.1.2), items
 * results (6.5), the {@code pubsub#event} notifications (7.1.2.1, 7.2.2.1, 8.4.2) and errors with
 * an application-specific condition (XEP-0060 throughout, RFC 6120 8.3.3 for the shape).
 */
public final class PubSub {
    public static final String NAMESPACE = "http://jabber.org/protocol/pubsub";
    public static final String OWNER = NAMESPACE + "#owner";
    public static final String EVENT = NAMESPACE + "#event";
    public static final String ERRORS = NAMESPACE + "#errors";
    public static final String PUBLISH_OPTIONS_FORM = NAMESPACE + "#publish-options";
    public static final String NODE_CONFIG_FORM = NAMESPACE + "#node_config";

    private PubSub() {
    }

    /** One stored item: its id and its payload. */
    public record Item(String id, Element payload) {
        public Element toElement(String namespace) {
            Element.Builder b = Element.builder("item", namespace).attr("id", id);
            if (payload != null) {
                b.child(payload);
            }
            return b.build();
        }
    }

    public static Element publishResult(String node, String itemId) {
        return Element.builder("pubsub", NAMESPACE)
                .child(Element.builder("publish", NAMESPACE).attr("node", node)
                        .child(Element.builder("item", NAMESPACE).attr("id", itemId).build()).build())
                .build();
    }

    public static Element itemsResult(String node, List<Item> items) {
        Element.Builder list = Element.builder("items", NAMESPACE).attr("node", node);
        items.forEach(i -> list.child(i.toElement(NAMESPACE)));
        return Element.builder("pubsub", NAMESPACE).child(list.build()).build();
    }

    /** The owner's configuration form (8.2.1): {@code <pubsub#owner><configure node><x type=form/>}. */
    public static Element configureResult(String node, DataForm form) {
        return Element.builder("pubsub", OWNER)
                .child(Element.builder("configure", OWNER).attr("node", node).child(form.toElement()).build())
                .build();
    }

    /** {@code <event><items node><item id>payload</item></items></event>}. */
    public static Element itemsEvent(String node, List<Item> items) {
        Element.Builder list = Element.builder("items", EVENT).attr("node", node);
        items.forEach(i -> list.child(i.toElement(EVENT)));
        return Element.builder("event", EVENT).child(list.build()).build();
    }

    /** {@code <event><items node><retract id/></items></event>} (7.2.2.1). */
    public static Element retractEvent(String node, List<String> itemIds) {
        Element.Builder list = Element.builder("items", EVENT).attr("node", node);
        itemIds.forEach(id -> list.child(Element.builder("retract", EVENT).attr("id", id).build()));
        return Element.builder("event", EVENT).child(list.build()).build();
    }

    /** {@code <event><delete node/></event>} (8.4.2). */
    public static Element deleteEvent(String node) {
        return Element.builder("event", EVENT).child(Element.builder("delete", EVENT).attr("node", node).build()).build();
    }

    /**
     * The error reply to a request, with the {@code pubsub#errors} condition next to the defined
     * one when there is one (e.g. conflict + precondition-not-met, not-acceptable + payload-too-big).
     * {@code feature} fills the 'feature' attribute of {@code unsupported}.
     */
    public static Element error(Element iq, StanzaErrorCondition condition, String pubsubCondition, String feature,
                                String text) {
        Element reply = Stanzas.errorReply(iq, StanzaError.of(condition, text));
        if (pubsubCondition == null) {
            return reply;
        }
        List<Node> children = new ArrayList<>();
        for (Node n : reply.children()) {
            if (n instanceof Element e && e.name().equals("error")) {
                List<Node> inner = new ArrayList<>(e.children());
                // RFC 6120 8.3.2: the application-specific condition follows the defined one and the text.
                inner.add(Element.builder(pubsubCondition, ERRORS).attr("feature", feature).build());
                children.add(e.withChildren(inner));
            } else {
                children.add(n);
            }
        }
        return reply.withChildren(children);
    }
}
