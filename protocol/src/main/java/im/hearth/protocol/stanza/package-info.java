/**
 * Stanzas (RFC 6120 §8) and the two closed sets of protocol errors: stream errors (§4.9), which end a
 * stream, and stanza errors (§8.3), which answer one stanza. Their XML is written in exactly one place:
 * {@link im.hearth.protocol.stanza.StreamError#toElement()} and
 * {@link im.hearth.protocol.stanza.StanzaError#toElement(String)}.
 */
package im.hearth.protocol.stanza;
