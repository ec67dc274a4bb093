package im.hearth.protocol.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element: local name, namespace URI, attributes and children.
 *
 * <p>Attribute keys are local names for unprefixed attributes, and {@code "xml:lang"} for the one
 * namespaced attribute XMPP uses; other namespaced attributes are kept as {@code "{uri}local"}.
 * The namespace is always explicit (never inherited), so an element can be moved between streams
 * ({@code jabber:client} and {@code jabber:server}) by {@link #withNamespace}; the writer decides
 * where an {@code xmlns} declaration is needed.
 */
public record Element(String name, String namespace, Map<String, String> attributes, List<Node> children)
        implements Node {

    public Element {
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "" : namespace;
        attributes = attributes == null || attributes.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = children == null || children.isEmpty() ? List.of() : List.copyOf(children);
    }

    public static Element of(String name, String namespace) {
        return new Element(name, namespace, Map.of(), List.of());
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, namespace);
        b.attributes.putAll(attributes);
        b.children.addAll(children);
        return b;
    }

    public String attr(String key) {
        return attributes.get(key);
    }

    public Optional<String> optAttr(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public Element withAttr(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Element(name, namespace, copy, children);
    }

    public Element withChild(Node child) {
        List<Node> copy = new ArrayList<>(children);
        copy.add(child);
        return new Element(name, namespace, attributes, copy);
    }

    public Element withChildren(List<? extends Node> newChildren) {
        return new Element(name, namespace, attributes, List.copyOf(newChildren));
    }

    /** This element without the child elements that match; the same instance when none does. */
    public Element withoutChildren(java.util.function.Predicate<Element> unwanted) {
        List<Node> kept = new ArrayList<>(children.size());
        for (Node n : children) {
            if (!(n instanceof Element e && unwanted.test(e))) {
                kept.add(n);
            }
        }
        return kept.size() == children.size() ? this : new Element(name, namespace, attributes, List.copyOf(kept));
    }

    /** This element with its namespace, and that of every descendant in the same namespace, replaced. */
    public Element withNamespace(String newNamespace) {
        if (namespace.equals(newNamespace)) {
            return this;
        }
        List<Node> moved = new ArrayList<>(children.size());
        for (Node child : children) {
            moved.add(child instanceof Element e && e.namespace.equals(namespace) ? e.withNamespace(newNamespace) : child);
        }
        return new Element(name, newNamespace, attributes, moved);
    }

    public boolean is(String name, String namespace) {
        return this.name.equals(name) && this.namespace.equals(namespace);
    }

    /** The first child element with this name and namespace. */
    public Optional<Element> child(String name, String namespace) {
        for (Node n : children) {
            if (n instanceof Element e && e.is(name, namespace)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The first child element in this namespace, whatever its name (an IQ's payload). */
    public Optional<Element> firstChild(String namespace) {
        for (Node n : children) {
            if (n instanceof Element e && e.namespace.equals(namespace)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The first child element, whatever its name and namespace. */
    public Optional<Element> firstChild() {
        for (Node n : children) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public List<Element> elements() {
        List<Element> out = new ArrayList<>();
        for (Node n : children) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public List<Element> children(String name, String namespace) {
        List<Element> out = new ArrayList<>();
        for (Node n : children) {
            if (n instanceof Element e && e.is(name, namespace)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The concatenated text of the direct text children. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Node n : children) {
            if (n instanceof Text t) {
                sb.append(t.value());
            }
        }
        return sb.toString();
    }

    /** The text of the first child with this name and namespace, if there is one. */
    public Optional<String> childText(String name, String namespace) {
        return child(name, namespace).map(Element::text);
    }

    /** A mutable builder; {@link #build()} gives the immutable element. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Node> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = name;
            this.namespace = namespace;
        }

        public Builder attr(String key, String value) {
            if (value != null) {
                attributes.put(key, value);
            }
            return this;
        }

        public Builder child(Node child) {
            children.add(child);
            return this;
        }

        public Builder children(List<? extends Node> nodes) {
            children.addAll(nodes);
            return this;
        }

        public Builder text(String text) {
            if (text != null && !text.isEmpty()) {
                children.add(new Text(text));
            }
            return this;
        }

        /** Adds a child element with only text content, such as {@code <body>hi</body>}. */
        public Builder textChild(String childName, String childNamespace, String text) {
            return child(Element.builder(childName, childNamespace).text(text).build());
        }

        public Element build() {
            return new Element(name, namespace, attributes, children);
        }
    }
}
