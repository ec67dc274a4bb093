package im.hearth.protocol.stream;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import im.hearth.protocol.stanza.StreamError;
import im.hearth.protocol.stanza.StreamErrorCondition;
import im.hearth.protocol.stanza.StreamErrorException;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.Node;
import im.hearth.protocol.xml.Text;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Turns the bytes of one XMPP stream (RFC 6120 §4) into {@link StreamEvent}s, without blocking: the
 * caller {@link #feed feeds} bytes as they arrive and pulls events with {@link #next()}.
 *
 * <p>Pull semantics: the parser reads no further than the event it returns, so after an element that
 * restarts the stream (SASL success, §6.4.6) the caller can stop, and hand {@link #unconsumed()} —
 * exactly the bytes after that element's {@code '>'} — to a new parser; after {@code <starttls/>} it
 * discards them (§5.4.3.3: nothing sent in plaintext may reach the encrypted stream).
 *
 * <p>Restricted XML (RFC 6120 §11.1): DTDs, comments, processing instructions and entity references
 * other than the predefined ones and character references end the stream with {@code restricted-xml};
 * nothing is ever expanded. Bytes must be UTF-8 (validated here, overlong forms and surrogates
 * included), characters must be XML 1.0 characters; otherwise {@code not-well-formed}. The limits of
 * {@link StreamLimits} end it with {@code policy-violation}. Whitespace between first-level elements
 * (keepalives) is skipped; other text there is {@code bad-format}.
 *
 * <p>Namespaces are resolved: a first-level element without {@code xmlns} gets the stream's default
 * namespace. Attribute keys follow {@link Element}: local name, {@code xml:lang}, {@code {uri}local}.
 *
 * <p>Memory: the parser keeps only the bytes after the last consumed event (the unfinished stanza),
 * and shrinks its buffers when it waits for input between stanzas. Not thread-safe.
 */
public final class XmlStreamParser {

    private static final InputFactoryImpl FACTORY = newFactory();
    private static final int IDLE_BUFFER_BYTES = 1024;
    private static final int IDLE_TEXT_CHARS = 1024;
    private static final byte[] NO_BYTES = new byte[0];

    private enum State { PROLOG, STANZAS, DONE }

    private final StreamLimits limits;
    private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private final AsyncByteArrayFeeder feeder;

    // Input: buf[0] is at absolute stream offset bufBase; buf holds bytes up to `fed`, and always at
    // least everything after `consumed` (the end of the last event consumed), for unconsumed().
    private byte[] buf = NO_BYTES;
    private long bufBase;
    private long fed;
    private long consumed;
    // Index in buf of the slice last given to the reader. The reader reports offsets as (bytes of
    // earlier slices + index in the current array), so an absolute offset is (reported - feedStart).
    private int feedStart;
    // Absolute offset of the first byte that is not UTF-8, or -1; the reader never sees it.
    private long invalidUtf8At = -1;
    // UTF-8 validation across feeds: continuation bytes still expected, and the range of the next one.
    private int utf8Pending;
    private int utf8Low = 0x80;
    private int utf8High = 0xBF;

    private State state = State.PROLOG;
    private boolean endOfInput;
    private StreamError failure;
    // 0 before the header, 1 inside the stream, 2 inside a stanza, more inside its children.
    private int depth;
    // The open elements of the current stanza, reused within a burst of input; frames.get(i) is at depth i + 2.
    private final ArrayList<Frame> frames = new ArrayList<>();
    private StringBuilder text = new StringBuilder();

    public XmlStreamParser(StreamLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        // The reader is never close()d: closing merges its name table into the factory's shared one,
        // which would let one peer's invented element names grow memory for every later connection.
        // That shared table is filled once from a fixed document instead (CommonNames).
        // TODO(limits): a reader's own name table still grows with every distinct name a long-lived
        // stream sends; bound it (count distinct names, or restart the reader between stanzas).
        this.reader = FACTORY.createAsyncForByteArray();
        this.feeder = reader.getInputFeeder();
    }

    private static InputFactoryImpl newFactory() {
        InputFactoryImpl f = new InputFactoryImpl();
        // Report entity references and DTDs as events so they can be refused, never resolve anything.
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        CommonNames.teach(f);
        return f;
    }

    /** True when every byte fed so far has been read and the stream is neither closed nor failed. */
    public boolean needsInput() {
        return failure == null && state != State.DONE && !endOfInput && invalidUtf8At < 0
                && feeder.needMoreInput();
    }

    /** True once the stream has closed (a {@link StreamEvent.Close} was returned, or input ended) or failed. */
    public boolean isDone() {
        return failure != null || state == State.DONE;
    }

    /**
     * Adds bytes; they are copied, so the caller may reuse the array.
     *
     * @throws IllegalStateException unless {@link #needsInput()}
     */
    public void feed(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        int at = reserve(len);
        System.arraycopy(bytes, off, buf, at, len);
        commit(at, len);
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Adds the remaining bytes of {@code src} (copied; the buffer's position moves to its limit). */
    public void feed(ByteBuffer src) {
        int len = src.remaining();
        int at = reserve(len);
        src.get(buf, at, len);
        commit(at, len);
    }

    private int reserve(int len) {
        if (!needsInput()) {
            throw new IllegalStateException("feed() only when needsInput()");
        }
        // The reader has read everything given so far: drop what is consumed, make room for len bytes.
        int keepFrom = (int) (consumed - bufBase);
        int keep = (int) (fed - consumed);
        if (keep + len > buf.length) {
            int doubled = Math.max(buf.length * 2, IDLE_BUFFER_BYTES);
            byte[] bigger = new byte[Math.max(keep + len, Math.min(doubled, keep + len + 64 * 1024))];
            System.arraycopy(buf, keepFrom, bigger, 0, keep);
            buf = bigger;
        } else if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, keep);
        }
        bufBase = consumed;
        return keep;
    }

    private void commit(int at, int len) {
        fed += len;
        int valid = validUtf8Prefix(at, len);
        if (valid < len) {
            invalidUtf8At = bufBase + at + valid;
        }
        feedReader(at, valid);
    }

    private void feedReader(int at, int len) {
        feedStart = at;
        try {
            feeder.feedInput(buf, at, len);
        } catch (XMLStreamException e) {
            // Only thrown when called with unread input, which needsInput() excludes.
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signals that no more bytes will come. Afterwards {@link #next()} returns the events still in
     * the fed bytes, then: {@link StreamEvent.Close} if the stream was open and only whitespace
     * follows the last element (a peer that just closed its socket is treated like one that closed
     * its stream); null if no header had begun; otherwise it throws {@code not-well-formed}.
     */
    public void endOfInput() {
        endOfInput = true;
    }

    /**
     * The bytes fed after the last event returned (and whitespace skipped after it), nothing more.
     */
    public byte[] unconsumed() {
        return Arrays.copyOfRange(buf, (int) (consumed - bufBase), (int) (fed - bufBase));
    }

    /** The Aalto reader, for tests of its memory. */
    AsyncXMLStreamReader<AsyncByteArrayFeeder> reader() {
        return reader;
    }

    /** How many open-element frames the parser keeps, for tests of idle memory. */
    int framesKept() {
        return frames.size();
    }

    /** The size of the input buffer, for tests of idle memory. */
    int bufferCapacity() {
        return buf.length;
    }

    /**
     * The next event, or null when more input is needed (or the stream is done).
     *
     * @throws StreamErrorException on bad input; every later call throws the same error
     */
    public StreamEvent next() throws StreamErrorException {
        if (failure != null) {
            throw new StreamErrorException(failure);
        }
        if (state == State.DONE) {
            return null;
        }
        try {
            return advance();
        } catch (XMLStreamException | UncheckedStreamException e) {
            throw fail(classify(e), "the stream is not well-formed XML", e);
        }
    }

    private StreamEvent advance() throws XMLStreamException, StreamErrorException {
        while (true) {
            int event = reader.next();
            switch (event) {
                case AsyncXMLStreamReader.EVENT_INCOMPLETE:
                    return needInput();
                case XMLStreamConstants.START_DOCUMENT:
                    checkDeclaration();
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    if (depth == 0) {
                        return open();
                    }
                    startElement();
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    if (depth == 1) {
                        depth = 0;
                        state = State.DONE;
                        consumed = endOffset();
                        return new StreamEvent.Close();
                    }
                    Element done = endElement();
                    if (done != null) {
                        return new StreamEvent.Child(done);
                    }
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    characters();
                    break;
                case XMLStreamConstants.COMMENT:
                    throw fail(StreamErrorCondition.RESTRICTED_XML, "comments are not allowed", null);
                case XMLStreamConstants.PROCESSING_INSTRUCTION:
                    throw fail(StreamErrorCondition.RESTRICTED_XML, "processing instructions are not allowed", null);
                case XMLStreamConstants.DTD:
                case XMLStreamConstants.ENTITY_DECLARATION:
                case XMLStreamConstants.NOTATION_DECLARATION:
                    throw fail(StreamErrorCondition.RESTRICTED_XML, "DTDs are not allowed", null);
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw fail(StreamErrorCondition.RESTRICTED_XML, "entity references are not allowed", null);
                default:
                    // END_DOCUMENT cannot come: the reader is never told that input has ended.
                    throw fail(StreamErrorCondition.NOT_WELL_FORMED, "unexpected XML event " + event, null);
            }
        }
    }

    private StreamEvent needInput() throws StreamErrorException {
        if (invalidUtf8At >= 0) {
            throw fail(StreamErrorCondition.NOT_WELL_FORMED, "invalid UTF-8", null);
        }
        if (state == State.PROLOG) {
            if (fed > limits.maxHeaderBytes()) {
                throw fail(StreamErrorCondition.POLICY_VIOLATION,
                        "stream header larger than " + limits.maxHeaderBytes() + " bytes", null);
            }
        } else {
            checkStanzaSize(fed);
        }
        if (endOfInput) {
            return atEndOfInput();
        }
        if (depth <= 1) {
            shrinkWhileIdle();
        }
        return null;
    }

    private StreamEvent atEndOfInput() throws StreamErrorException {
        boolean onlyWhitespace = isWhitespace(buf, (int) (consumed - bufBase), (int) (fed - bufBase));
        if (onlyWhitespace && state == State.PROLOG) {
            state = State.DONE;
            return null;
        }
        if (onlyWhitespace && depth == 1) {
            state = State.DONE;
            consumed = fed;
            return new StreamEvent.Close();
        }
        throw fail(StreamErrorCondition.NOT_WELL_FORMED, "the stream ended inside an element", null);
    }

    private void checkDeclaration() throws StreamErrorException {
        String encoding = reader.getCharacterEncodingScheme();
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            throw fail(StreamErrorCondition.UNSUPPORTED_ENCODING, "only UTF-8 is allowed", null);
        }
        String version = reader.getVersion();
        if (version != null && !version.equals("1.0")) {
            // XML 1.1 would admit characters that XML 1.0, and so XMPP, forbids.
            throw fail(StreamErrorCondition.NOT_WELL_FORMED, "only XML 1.0 is allowed", null);
        }
    }

    private StreamEvent open() throws StreamErrorException {
        if (!reader.getLocalName().equals("stream") || !Namespaces.STREAM.equals(reader.getNamespaceURI())) {
            throw fail(StreamErrorCondition.INVALID_NAMESPACE,
                    "the root must be 'stream' in namespace " + Namespaces.STREAM, null);
        }
        String prefix = reader.getPrefix();
        if (prefix == null || prefix.isEmpty()) {
            // The stream namespace as default would put every stanza in it (RFC 6120 §4.8.5).
            throw fail(StreamErrorCondition.BAD_NAMESPACE_PREFIX, "the stream element needs a prefix", null);
        }
        long end = endOffset();
        if (end > limits.maxHeaderBytes()) {
            throw fail(StreamErrorCondition.POLICY_VIOLATION,
                    "stream header larger than " + limits.maxHeaderBytes() + " bytes", null);
        }
        checkAttributeCount();
        String to = null;
        String from = null;
        String id = null;
        String version = null;
        String lang = null;
        for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
            String value = attributeValue(i);
            String ns = reader.getAttributeNamespace(i);
            String local = reader.getAttributeLocalName(i);
            if (ns == null || ns.isEmpty()) {
                switch (local) {
                    case "to" -> to = value;
                    case "from" -> from = value;
                    case "id" -> id = value;
                    case "version" -> version = value;
                    default -> { } // unknown attributes are ignored (RFC 6120 §4.7)
                }
            } else if (ns.equals(Namespaces.XML) && local.equals("lang")) {
                lang = value;
            }
        }
        String contentNamespace = null;
        for (int i = 0, n = reader.getNamespaceCount(); i < n; i++) {
            String p = reader.getNamespacePrefix(i);
            if (p == null || p.isEmpty()) {
                contentNamespace = reader.getNamespaceURI(i);
            }
        }
        depth = 1;
        state = State.STANZAS;
        consumed = end;
        return new StreamEvent.Open(new StreamHeader(to, from, id, version, lang, contentNamespace));
    }

    private void startElement() throws StreamErrorException {
        flushText();
        depth++;
        int level = depth - 1;
        if (level > limits.maxDepth()) {
            throw fail(StreamErrorCondition.POLICY_VIOLATION, "elements nested deeper than " + limits.maxDepth(), null);
        }
        checkStanzaSize(endOffset());
        checkAttributeCount();
        if (frames.size() < level) {
            frames.add(new Frame());
        }
        Frame frame = frames.get(level - 1);
        String ns = reader.getNamespaceURI();
        frame.name = reader.getLocalName();
        frame.namespace = ns == null ? "" : ns;
        for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
            frame.attributes.put(attributeKey(i), attributeValue(i));
        }
    }

    /** Closes the innermost element; returns it if it was a first-level child, else adds it to its parent. */
    private Element endElement() throws StreamErrorException {
        flushText();
        long end = endOffset();
        checkStanzaSize(end);
        Frame frame = frames.get(depth - 2);
        Element element = new Element(frame.name, frame.namespace, frame.attributes, frame.children);
        frame.clear();
        depth--;
        if (depth == 1) {
            consumed = end;
            return element;
        }
        frames.get(depth - 2).children.add(element);
        return null;
    }

    private void characters() throws StreamErrorException {
        char[] chars = reader.getTextCharacters();
        int start = reader.getTextStart();
        int length = reader.getTextLength();
        if (depth >= 2) {
            text.append(chars, start, length); // adjacent pieces coalesce until the next tag
        } else if (depth == 1) {
            for (int i = start; i < start + length; i++) {
                char c = chars[i];
                if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                    throw fail(StreamErrorCondition.BAD_FORMAT, "text between stanzas", null);
                }
            }
            consumed = endOffset(); // a keepalive: forget it
        }
        // depth 0: whitespace around the XML declaration
    }

    private void flushText() {
        if (text.length() > 0) {
            frames.get(depth - 2).children.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    private void checkAttributeCount() throws StreamErrorException {
        if (reader.getAttributeCount() + reader.getNamespaceCount() > limits.maxAttributes()) {
            throw fail(StreamErrorCondition.POLICY_VIOLATION,
                    "more than " + limits.maxAttributes() + " attributes on an element", null);
        }
    }

    private String attributeKey(int i) {
        String ns = reader.getAttributeNamespace(i);
        String local = reader.getAttributeLocalName(i);
        if (ns == null || ns.isEmpty()) {
            return local;
        }
        if (ns.equals(Namespaces.XML)) {
            return local.equals("lang") ? "xml:lang" : "xml:" + local;
        }
        return "{" + ns + "}" + local;
    }

    private String attributeValue(int i) throws StreamErrorException {
        String value = reader.getAttributeValue(i);
        int max = limits.maxAttributeBytes();
        // Each char is 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2): count exactly only when it matters.
        if (value.length() > max || (value.length() * 3L > max && utf8Length(value) > max)) {
            throw fail(StreamErrorCondition.POLICY_VIOLATION, "attribute value longer than " + max + " bytes", null);
        }
        return value;
    }

    private void checkStanzaSize(long upTo) throws StreamErrorException {
        if (upTo - consumed > limits.maxStanzaBytes()) {
            throw fail(StreamErrorCondition.POLICY_VIOLATION,
                    "stanza larger than " + limits.maxStanzaBytes() + " bytes", null);
        }
    }

    private long endOffset() throws StreamErrorException {
        try {
            return reader.getLocationInfo().getEndingByteOffset() - feedStart;
        } catch (XMLStreamException e) {
            throw fail(classify(e), "the stream is not well-formed XML", e);
        }
    }

    /**
     * Between stanzas, give back what a large stanza or chunk made the buffers grow to; with nothing
     * pending, the whole input buffer (an idle connection holds none; the next feed makes one).
     */
    private void shrinkWhileIdle() {
        int keep = (int) (fed - consumed);
        if (keep == 0 && buf.length > 0) {
            buf = NO_BYTES;
            bufBase = consumed;
            feedReader(0, 0); // so that the reader lets go of the old array
        } else if (buf.length > IDLE_BUFFER_BYTES * 8 && keep <= IDLE_BUFFER_BYTES) {
            byte[] small = new byte[IDLE_BUFFER_BYTES];
            System.arraycopy(buf, (int) (consumed - bufBase), small, 0, keep);
            buf = small;
            bufBase = consumed;
            // An empty slice of the new array, so that the reader lets go of the old one.
            feedReader(keep, 0);
        }
        if (text.capacity() > IDLE_TEXT_CHARS) {
            text = new StringBuilder();
        }
        // Between stanzas no element is open: an idle session keeps no frames (about 600 bytes for a
        // stanza three levels deep); the next stanza makes its own.
        frames.clear();
        frames.trimToSize();
    }

    private StreamErrorCondition classify(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unbound namespace prefix")) {
            return StreamErrorCondition.BAD_NAMESPACE_PREFIX;
        }
        if (message.contains("Unexpanded ENTITY_REFERENCE")) {
            // An entity reference in an attribute value; in text it arrives as an ENTITY_REFERENCE event.
            return StreamErrorCondition.RESTRICTED_XML;
        }
        if (state == State.PROLOG && contains(buf, (int) (consumed - bufBase), (int) (fed - bufBase), '<', '!')) {
            // The reader cannot parse an internal DTD subset and fails on it; before the root element
            // "<!" can only begin a DOCTYPE or a comment, both restricted.
            return StreamErrorCondition.RESTRICTED_XML;
        }
        return StreamErrorCondition.NOT_WELL_FORMED;
    }

    private StreamErrorException fail(StreamErrorCondition condition, String text, Throwable cause) {
        failure = new StreamError(condition, text);
        frames.clear();
        this.text = new StringBuilder();
        return new StreamErrorException(failure, cause);
    }

    /**
     * How many of the bytes buf[from, from + len) form valid UTF-8 (continuing any sequence left open
     * by the previous feed); rejects overlong forms, surrogates and code points above U+10FFFF, which
     * the reader would otherwise decode.
     */
    private int validUtf8Prefix(int from, int len) {
        byte[] b = buf;
        int end = from + len;
        int pending = utf8Pending;
        int low = utf8Low;
        int high = utf8High;
        for (int i = from; i < end; i++) {
            int c = b[i];
            if (pending == 0) {
                if (c >= 0) {
                    continue; // ASCII
                }
                c &= 0xFF;
                if (c < 0xC2) {
                    return i - from; // a stray continuation byte, or the overlong lead bytes C0 and C1
                } else if (c < 0xE0) {
                    pending = 1;
                } else if (c < 0xF0) {
                    pending = 2;
                    low = c == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
                    high = c == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
                } else if (c < 0xF5) {
                    pending = 3;
                    low = c == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                    high = c == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
                } else {
                    return i - from;
                }
            } else {
                c &= 0xFF;
                if (c < low || c > high) {
                    return i - from;
                }
                pending--;
                low = 0x80;
                high = 0xBF;
            }
        }
        utf8Pending = pending;
        utf8Low = low;
        utf8High = high;
        return len;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static boolean isWhitespace(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int from, int to, char first, char second) {
        for (int i = from; i + 1 < to; i++) {
            if (b[i] == first && b[i + 1] == second) {
                return true;
            }
        }
        return false;
    }

    /** An open element of the current stanza; its collections are copied into the Element and reused. */
    private static final class Frame {
        String name;
        String namespace;
        final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
        final ArrayList<Node> children = new ArrayList<>();

        void clear() {
            name = null;
            namespace = null;
            attributes.clear();
            children.clear();
        }
    }
}
