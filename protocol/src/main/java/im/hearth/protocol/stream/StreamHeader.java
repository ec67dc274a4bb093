package im.hearth.protocol.stream;

import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;

/**
 * The attributes of a {@code <stream:stream>} open tag (RFC 6120 §4.7). Every field may be null
 * (absent). {@code contentNamespace} is the stream's default namespace: {@code jabber:client} or
 * {@code jabber:server}, which first-level children without their own {@code xmlns} inherit.
 */
public record StreamHeader(String to, String from, String id, String version, String lang, String contentNamespace) {

    /**
     * {@code <?xml version='1.0'?><stream:stream xmlns='…' xmlns:stream='…' to='…' …>}: the open tag only,
     * with absent attributes left out.
     */
    public String toXml() {
        StringBuilder out = new StringBuilder(200).append("<?xml version='1.0'?><stream:stream");
        attr(out, "xmlns", contentNamespace);
        attr(out, "xmlns:stream", Namespaces.STREAM);
        attr(out, "to", to);
        attr(out, "from", from);
        attr(out, "id", id);
        attr(out, "version", version);
        attr(out, "xml:lang", lang);
        return out.append('>').toString();
    }

    private static void attr(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(' ').append(name).append("='");
            XmlWriter.escapeAttr(value, out);
            out.append('\'');
        }
    }
}
