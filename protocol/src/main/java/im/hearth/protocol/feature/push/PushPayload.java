package im.hearth.protocol.feature.push;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * XEP-0357 payloads. A client's requests: {@code <enable jid node>} with an optional
 * publish-options form (section 5), {@code <disable jid [node]>} (section 6). The server's
 * notification (section 7): an IQ set with a pubsub publish of {@code <notification/>} to the
 * registered node, its summary form, and the publish-options given at enable. The app server JID
 * and node are returned as sent; whether the JID is valid is for the caller.
 */
public final class PushPayload {
    public static final String NAMESPACE = "urn:xmpp:push:0";
    public static final String SUMMARY = "urn:xmpp:push:summary";
    public static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    public static final String PUBLISH_OPTIONS = "http://jabber.org/protocol/pubsub#publish-options";

    public sealed interface Request {
    }

    /** Section 5: register an app server node, with the publish-options form (a secret, typically), if any. */
    public record Enable(String jid, String node, Optional<DataForm> publishOptions) implements Request {
    }

    /** Section 6: unregister a node of an app server, or every node of it when node is null. */
    public record Disable(String jid, String node) implements Request {
    }

    /** What a notification says (section 7): how many messages wait, the last sender and body if revealed. */
    public record Summary(int messageCount, String lastSender, String lastBody) {
    }

    private PushPayload() {
    }

    /**
     * Reads an enable or disable. Empty when it is neither, when a required attribute is missing
     * or empty (jid always, node for enable), or when an enable carries a form that is not
     * publish-options.
     */
    public static Optional<Request> parse(Element payload) {
        String jid = nonEmpty(payload.attr("jid"));
        String node = nonEmpty(payload.attr("node"));
        if (jid == null) {
            return Optional.empty();
        }
        if (payload.is("disable", NAMESPACE)) {
            return Optional.of(new Disable(jid, node));
        }
        if (!payload.is("enable", NAMESPACE) || node == null) {
            return Optional.empty();
        }
        Optional<Element> x = payload.child("x", DataForm.NAMESPACE);
        if (x.isEmpty()) {
            return Optional.of(new Enable(jid, node, Optional.empty()));
        }
        Optional<DataForm> form = DataForm.parse(x.get());
        if (form.isEmpty() || !form.get().formType().map(PUBLISH_OPTIONS::equals).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new Enable(jid, node, form));
    }

    public static Element toElement(Request request) {
        if (request instanceof Enable e) {
            Element.Builder b = Element.builder("enable", NAMESPACE).attr("jid", e.jid()).attr("node", e.node());
            e.publishOptions().ifPresent(f -> b.child(f.toElement()));
            return b.build();
        }
        Disable d = (Disable) request;
        return Element.builder("disable", NAMESPACE).attr("jid", d.jid()).attr("node", d.node()).build();
    }

    /** The notification IQ (section 7, example 9), from the user's bare JID to the app server. */
    public static Element notification(String from, String to, String id, String node, Summary summary,
                                       Optional<DataForm> publishOptions) {
        List<DataForm.Field> fields = new ArrayList<>();
        fields.add(new DataForm.Field("message-count", null, List.of(Integer.toString(summary.messageCount()))));
        if (summary.lastSender() != null) {
            fields.add(new DataForm.Field("last-message-sender", null, List.of(summary.lastSender())));
        }
        if (summary.lastBody() != null) {
            fields.add(new DataForm.Field("last-message-body", null, List.of(summary.lastBody())));
        }
        // The summary is a submitted form whose first field names its type (XEP-0357 section 7).
        List<DataForm.Field> all = new ArrayList<>();
        all.add(new DataForm.Field(DataForm.FORM_TYPE, null, List.of(SUMMARY)));
        all.addAll(fields);
        Element notification = Element.builder("notification", NAMESPACE)
                .child(DataForm.of("submit", all).toElement()).build();
        Element.Builder pubsub = Element.builder("pubsub", PUBSUB)
                .child(Element.builder("publish", PUBSUB).attr("node", node)
                        .child(Element.builder("item", PUBSUB).child(notification).build()).build());
        publishOptions.ifPresent(f -> pubsub.child(Element.builder("publish-options", PUBSUB).child(f.toElement()).build()));
        return Element.builder("iq", "jabber:client").attr("type", "set").attr("from", from).attr("to", to)
                .attr("id", id).child(pubsub.build()).build();
    }

    /** The summary a notification IQ carries, if it is one (for app servers and tests). */
    public static Optional<Summary> summaryOf(Element iq) {
        Optional<DataForm> summary = iq.child("pubsub", PUBSUB).flatMap(p -> p.child("publish", PUBSUB))
                .flatMap(p -> p.child("item", PUBSUB)).flatMap(i -> i.child("notification", NAMESPACE))
                .flatMap(n -> n.child("x", DataForm.NAMESPACE)).flatMap(DataForm::parse)
                .filter(f -> f.formType().map(SUMMARY::equals).orElse(false));
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        DataForm form = summary.get();
        int count = form.field("message-count").flatMap(DataForm.Field::value).map(PushPayload::count).orElse(0);
        return Optional.of(new Summary(count,
                form.field("last-message-sender").flatMap(DataForm.Field::value).orElse(null),
                form.field("last-message-body").flatMap(DataForm.Field::value).orElse(null)));
    }

    private static int count(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
