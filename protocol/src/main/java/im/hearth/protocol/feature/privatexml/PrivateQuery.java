package im.hearth.protocol.feature.privatexml;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.Set;

/**
 * The {@code <query xmlns='jabber:iq:private'/>} payload (XEP-0049 section 2): in a set, the
 * elements to store; in a get, the one element to look up (empty, named by name and namespace);
 * in a result, the stored element or the empty one asked for.
 */
public record PrivateQuery(List<Element> items) {
    public static final String NAMESPACE = "jabber:iq:private";

    /**
     * Namespaces that may not be stored (XEP-0049 section 3: jabber:client, jabber:server,
     * jabber:iq:private "or some other reserved namespace"); the empty namespace is refused too,
     * because it could never be asked for again.
     */
    private static final Set<String> RESERVED = Set.of("", Namespaces.CLIENT, Namespaces.SERVER, NAMESPACE,
            Namespaces.STREAM);

    public PrivateQuery {
        items = List.copyOf(items);
    }

    public static PrivateQuery parse(Element query) {
        return new PrivateQuery(query.elements());
    }

    public Element toElement() {
        return Element.builder("query", NAMESPACE).children(items).build();
    }

    public static boolean reserved(String namespace) {
        return RESERVED.contains(namespace) || namespace.startsWith("urn:ietf:params:xml:ns:xmpp-");
    }

    /** The storage key of an element: one stored element per qualified name. */
    public static String key(Element item) {
        return key(item.name(), item.namespace());
    }

    public static String key(String name, String namespace) {
        return "{" + namespace + "}" + name;
    }
}
