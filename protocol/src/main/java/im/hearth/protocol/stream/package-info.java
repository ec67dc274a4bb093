/**
 * The XMPP stream on the wire: bytes to {@link im.hearth.protocol.stream.StreamEvent}s.
 *
 * <p>{@link im.hearth.protocol.stream.XmlStreamParser} is a plain class the server's connection stage
 * drives directly (so a stream restart is decided synchronously with parsing);
 * {@link im.hearth.protocol.stream.XmlStreamStage} wraps it for clients and the load generator.
 *
 * <p>How bad input ends the stream (RFC 6120 §4.9.3):
 * <ul>
 *   <li>{@code not-well-formed}: broken XML, invalid UTF-8 (overlong forms and encoded surrogates too),
 *       characters outside XML 1.0, an XML declaration other than version 1.0, end of input inside an
 *       element;</li>
 *   <li>{@code restricted-xml}: DOCTYPE (with or without internal subset), comment, processing
 *       instruction, entity reference other than the five predefined ones (in text or attributes);</li>
 *   <li>{@code unsupported-encoding}: an encoding declaration other than UTF-8;</li>
 *   <li>{@code invalid-namespace}: a root element that is not {@code stream} in
 *       {@code http://etherx.jabber.org/streams};</li>
 *   <li>{@code bad-namespace-prefix}: an unbound prefix anywhere, or the stream element without one;</li>
 *   <li>{@code bad-format}: non-whitespace text between first-level elements;</li>
 *   <li>{@code policy-violation}: any limit of {@link im.hearth.protocol.stream.StreamLimits}.</li>
 * </ul>
 * The content namespace of the header is reported, not checked: the listener knows which it serves.
 *
 * <p>Memory of an idle stream: the parser keeps no input buffer and no element frames between
 * stanzas, and its Aalto reader shares the factory's name table, taught the usual XMPP names once
 * from a fixed document ({@code CommonNames}), never from a peer's input.
 *
 * <p>End of input between stanzas is reported as {@link im.hearth.protocol.stream.StreamEvent.Close},
 * so a socket closed without {@code </stream:stream>} ends the session the same way.
 */
package im.hearth.protocol.stream;
