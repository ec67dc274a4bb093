package im.hearth.protocol.feature.blocking;

import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code urn:xmpp:blocking} payload (XEP-0191 section 3): {@code <blocklist/>} (a request, or
 * a result with items), {@code <block/>} and {@code <unblock/>} (requests and pushes; an unblock
 * without items means all). The JIDs are kept as sent; whether they are valid is for the caller.
 */
public record BlockingPayload(Kind kind, List<String> jids) {
    public static final String NAMESPACE = "urn:xmpp:blocking";
    /** The namespace of the application-specific error condition (XEP-0191 section 3.5). */
    public static final String ERRORS_NAMESPACE = "urn:xmpp:blocking:errors";

    public enum Kind {
        BLOCKLIST("blocklist"), BLOCK("block"), UNBLOCK("unblock");

        private final String element;

        Kind(String element) {
            this.element = element;
        }

        public String element() {
            return element;
        }
    }

    public BlockingPayload {
        Objects.requireNonNull(kind, "kind");
        jids = List.copyOf(jids);
    }

    public static BlockingPayload blocklist(List<String> jids) {
        return new BlockingPayload(Kind.BLOCKLIST, jids);
    }

    public static BlockingPayload block(List<String> jids) {
        return new BlockingPayload(Kind.BLOCK, jids);
    }

    public static BlockingPayload unblock(List<String> jids) {
        return new BlockingPayload(Kind.UNBLOCK, jids);
    }

    public Element toElement() {
        Element.Builder b = Element.builder(kind.element(), NAMESPACE);
        for (String jid : jids) {
            b.child(Element.builder("item", NAMESPACE).attr("jid", jid).build());
        }
        return b.build();
    }

    /** Decodes a payload; empty if it is not one of the three elements or an item has no 'jid'. */
    public static Optional<BlockingPayload> parse(Element payload) {
        if (!NAMESPACE.equals(payload.namespace())) {
            return Optional.empty();
        }
        for (Kind k : Kind.values()) {
            if (k.element().equals(payload.name())) {
                List<String> jids = new ArrayList<>();
                for (Element item : payload.children("item", NAMESPACE)) {
                    String jid = item.attr("jid");
                    if (jid == null) {
                        return Optional.empty();
                    }
                    jids.add(jid);
                }
                return Optional.of(new BlockingPayload(k, jids));
            }
        }
        return Optional.empty();
    }

    /** {@code <blocked xmlns='urn:xmpp:blocking:errors'/>}, added to a not-acceptable error (3.5). */
    public static Element blockedCondition() {
        return Element.of("blocked", ERRORS_NAMESPACE);
    }
}
