/**
 * Server-side SASL for XMPP (RFC 6120 §6, framework RFC 4422) as small state machines
 * without I/O: SCRAM-SHA-1 and SCRAM-SHA-256 (RFC 5802, RFC 7677), their -PLUS variants
 * with {@code tls-server-end-point} channel binding (RFC 5929 §4.1), and PLAIN (RFC 4616)
 * over TLS only. Passwords are prepared with the PRECIS OpaqueString profile (RFC 8265 §4.2,
 * as RFC 7677 §4 asks), usernames as JID localparts (RFC 7622 §3.3). Credentials are stored
 * in SCRAM's StoredKey/ServerKey form only (RFC 5802 §3).
 *
 * <p>The caller drives a {@link im.hearth.protocol.sasl.ServerMechanism}: it looks the
 * account up when a step asks for a credential ({@link im.hearth.protocol.sasl.SaslStep.NeedCredential}),
 * and maps {@link im.hearth.protocol.sasl.SaslFailure} to the {@code <failure/>} element.
 * {@link im.hearth.protocol.sasl.ScramClient} is the client side, for the load generator
 * and tests.
 */
package im.hearth.protocol.sasl;
