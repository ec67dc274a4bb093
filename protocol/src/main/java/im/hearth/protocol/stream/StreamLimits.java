package im.hearth.protocol.stream;

/**
 * Hard limits the stream parser enforces; exceeding one is a {@code policy-violation} stream error.
 *
 * @param maxStanzaBytes    bytes of one first-level element (stanza or nonza), counted as bytes fed,
 *                          so an unterminated start tag counts too
 * @param maxDepth          element nesting inside a stanza; the stanza element itself is depth 1
 * @param maxAttributes     attributes plus namespace declarations on one element
 * @param maxAttributeBytes UTF-8 bytes of one attribute value (after unescaping)
 * @param maxHeaderBytes    bytes before the end of the stream header (XML declaration included)
 */
public record StreamLimits(int maxStanzaBytes, int maxDepth, int maxAttributes, int maxAttributeBytes,
                           int maxHeaderBytes) {

    public StreamLimits {
        if (maxStanzaBytes <= 0 || maxDepth <= 0 || maxAttributes <= 0 || maxAttributeBytes <= 0
                || maxHeaderBytes <= 0) {
            throw new IllegalArgumentException("stream limits must be positive: " + this);
        }
    }

    /**
     * 256 KiB per stanza (Prosody's c2s default; room for an inline avatar or a large roster push),
     * depth 32 (real payloads such as PubSub items with Atom entries stay below 12), 64 attributes,
     * 64 KiB per attribute value, 8 KiB of header (a real header is under 300 bytes).
     */
    public static StreamLimits defaults() {
        return new StreamLimits(256 * 1024, 32, 64, 64 * 1024, 8 * 1024);
    }
}
