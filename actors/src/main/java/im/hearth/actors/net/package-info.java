/**
 * The byte transport under every XMPP listener: TCP plus TLS, with the switch from plaintext
 * to TLS in the middle of a connection.
 *
 * <p>Two ways into TLS are supported, both ending in the same stream of {@link
 * im.hearth.actors.net.NetIn} messages:
 *
 * <ul>
 *   <li>STARTTLS (RFC 6120 §5): the stream starts in plaintext; after the server has written
 *       {@code <proceed/>} the application sends {@link im.hearth.actors.net.NetOut.StartTls}
 *       and both directions continue inside TLS. Nothing the peer sent in plaintext after the
 *       switch can reach the application (RFC 6120 §5.4.3.3, the STARTTLS command injection
 *       attack).
 *   <li>Direct TLS (XEP-0368): TLS from the first byte on a dedicated port.
 * </ul>
 *
 * <p>{@link im.hearth.actors.net.SwitchableTls} is the Pekko Streams stage that does this (it
 * drives the JDK's {@code SSLEngine} itself, through {@code TlsEngine}, RFC 8446 / RFC 5246);
 * {@link im.hearth.actors.net.TlsMaterial} holds the server's certificate and key (loaded
 * from PEM, or self-signed on first start) and makes the {@code SSLEngine}s it needs.
 */
package im.hearth.actors.net;
