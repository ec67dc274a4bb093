package im.hearth.protocol.xml;

import java.util.Map;

/**
 * Serializes {@link Element} trees to XML 1.0 text.
 *
 * <p>Namespaces: an element declares a default namespace ({@code xmlns='…'}) only where its namespace
 * differs from the one in scope. Attribute keys follow {@link Element}: a local name, {@code xml:*}, or
 * {@code {uri}local}, which is written with a prefix ({@code ns1}, {@code ns2}, …) declared on the same
 * element. Values are single-quoted.
 *
 * <p>Characters that XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates)
 * are dropped, never written: the parser rejects them as not-well-formed, so what this writer
 * produces can always be read back. A carriage return is written as {@code &#13;} (in text as well as
 * in attributes) because a parser would otherwise normalise it away.
 */
public final class XmlWriter {

    private XmlWriter() {
    }

    /** The element as a standalone fragment: its namespace is declared on the root. */
    public static String write(Element e) {
        return write(e, "");
    }

    /**
     * The element as it is written inside a context whose default namespace is {@code inheritedNamespace}
     * (a stanza inside a {@code jabber:client} stream): the root's {@code xmlns} is omitted when equal.
     */
    public static String write(Element e, String inheritedNamespace) {
        StringBuilder out = new StringBuilder(128);
        write(e, inheritedNamespace, out);
        return out.toString();
    }

    public static void write(Element e, String inheritedNamespace, StringBuilder out) {
        writeElement(e, inheritedNamespace == null ? "" : inheritedNamespace, false, out);
    }

    /**
     * The element as a first-level child of an open stream whose header declared the {@code stream}
     * prefix and the default namespace {@code contentNamespace}: elements in {@link Namespaces#STREAM}
     * are written with the {@code stream:} prefix ({@code <stream:features>}, {@code <stream:error>}).
     */
    public static String writeInStream(Element e, String contentNamespace) {
        StringBuilder out = new StringBuilder(128);
        writeElement(e, contentNamespace == null ? "" : contentNamespace, true, out);
        return out.toString();
    }

    private static void writeElement(Element e, String scopeNs, boolean streamPrefix, StringBuilder out) {
        String ns = e.namespace();
        boolean prefixed = streamPrefix && ns.equals(Namespaces.STREAM);
        out.append('<');
        if (prefixed) {
            out.append("stream:");
        }
        out.append(e.name());
        String childScope = scopeNs;
        if (!prefixed && !ns.equals(scopeNs)) {
            out.append(" xmlns='");
            escapeAttr(ns, out);
            out.append('\'');
            childScope = ns;
        }
        if (!e.attributes().isEmpty()) {
            writeAttributes(e.attributes(), out);
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node child : e.children()) {
            if (child instanceof Element c) {
                writeElement(c, childScope, streamPrefix, out);
            } else {
                escapeText(((Text) child).value(), out);
            }
        }
        out.append("</");
        if (prefixed) {
            out.append("stream:");
        }
        out.append(e.name()).append('>');
    }

    private static void writeAttributes(Map<String, String> attributes, StringBuilder out) {
        // Prefixes for {uri}local keys, declared on this element only; rare, so a tiny array search.
        String[] uris = null;
        int prefixCount = 0;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            String key = a.getKey();
            out.append(' ');
            if (key.charAt(0) == '{') {
                int close = key.indexOf('}');
                if (close < 0 || close == key.length() - 1) {
                    throw new IllegalArgumentException("malformed attribute key: " + key);
                }
                String uri = key.substring(1, close);
                String local = key.substring(close + 1);
                if (uri.equals(Namespaces.XML)) {
                    out.append("xml:").append(local);
                } else if (uri.isEmpty()) {
                    out.append(local);
                } else {
                    if (uris == null) {
                        uris = new String[attributes.size()];
                    }
                    int index = indexOf(uris, prefixCount, uri);
                    if (index < 0) {
                        index = prefixCount;
                        uris[prefixCount++] = uri;
                        out.append("xmlns:ns").append(index + 1).append("='");
                        escapeAttr(uri, out);
                        out.append("' ");
                    }
                    out.append("ns").append(index + 1).append(':').append(local);
                }
            } else {
                checkPlainKey(key);
                out.append(key);
            }
            out.append("='");
            escapeAttr(a.getValue(), out);
            out.append('\'');
        }
    }

    private static void checkPlainKey(String key) {
        int colon = key.indexOf(':');
        if (key.equals("xmlns") || (colon >= 0 && !key.startsWith("xml:"))) {
            // Namespace declarations are the writer's job; any other prefix would be unbound.
            throw new IllegalArgumentException("attribute key must be local, xml:*, or {uri}local: " + key);
        }
    }

    private static int indexOf(String[] values, int count, String value) {
        for (int i = 0; i < count; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** Character data with {@code & < >} escaped (and CR as {@code &#13;}); disallowed characters dropped. */
    public static String escapeText(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escapeText(s, out);
        return out.toString();
    }

    /** An attribute value with {@code & < > " '} escaped and TAB, LF, CR as character references. */
    public static String escapeAttr(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escapeAttr(s, out);
        return out.toString();
    }

    public static void escapeText(String s, StringBuilder out) {
        escape(s, false, out);
    }

    public static void escapeAttr(String s, StringBuilder out) {
        escape(s, true, out);
    }

    private static void escape(String s, boolean attr, StringBuilder out) {
        int len = s.length();
        int clean = 0; // start of the run of characters not yet appended that need no escaping
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            String replacement;
            if (c >= 0x3f && c < 0xd800) {
                continue; // the common case: letters and most punctuation
            }
            switch (c) {
                case '&' -> replacement = "&amp;";
                case '<' -> replacement = "&lt;";
                case '>' -> replacement = "&gt;";
                case '"' -> replacement = attr ? "&quot;" : null;
                case '\'' -> replacement = attr ? "&apos;" : null;
                case '\t' -> replacement = attr ? "&#9;" : null;
                case '\n' -> replacement = attr ? "&#10;" : null;
                case '\r' -> replacement = "&#13;";
                default -> {
                    if (isAllowed(s, i, c)) {
                        if (Character.isHighSurrogate(c)) {
                            i++; // the low surrogate that follows is part of the same character
                        }
                        continue;
                    }
                    replacement = ""; // not an XML 1.0 character: dropped
                }
            }
            if (replacement == null) {
                continue;
            }
            out.append(s, clean, i).append(replacement);
            clean = i + 1;
        }
        out.append(s, clean, len);
    }

    /** XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
    private static boolean isAllowed(String s, int i, char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c < 0xd800) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false; // a low surrogate not consumed with its high one is unpaired
        }
        return c != 0xfffe && c != 0xffff;
    }
}
