/**
 * XMPP addresses (JIDs) per RFC 7622, as three distinct value types: {@link
 * im.hearth.protocol.jid.DomainJid}, {@link im.hearth.protocol.jid.BareJid} and {@link
 * im.hearth.protocol.jid.FullJid}.
 *
 * <p>Preparation: the localpart with the PRECIS UsernameCaseMapped profile (RFC 8265 §3.3,
 * framework RFC 8264) plus the characters RFC 7622 §3.3.1 forbids; the resourcepart with
 * the OpaqueString profile (RFC 8265 §4.2); the domainpart per RFC 7622 §3.2 (IDNA to
 * Unicode (RFC 5890), lower case, one trailing dot removed, IP literals (RFC 3986)). Each
 * part is 1..1023 octets of UTF-8. The records hold prepared values only: build them from
 * untrusted text with {@code parse} or {@code of}.
 *
 * <p>Parts that preparation would leave as they are skip PRECIS and IDNA: a localpart of
 * printable ASCII without upper case or the forbidden characters, a resourcepart of printable
 * ASCII, a domainpart of LDH labels with no "xn--" label (lower-cased). {@code PartsShortcutTest}
 * checks the shortcut against the full preparation on every printable ASCII character.
 *
 * <p>Known deviations: {@code java.net.IDN} implements IDNA2003, so a few characters map
 * differently from IDNA2008 (a domain with 'ß' becomes "ss"); ASCII labels must follow the
 * LDH rule (no '_'). RFC 7622 §3.5 lists {@code juliet@example.com/ foo} as invalid, but the
 * OpaqueString profile allows a leading space, and we follow the profile.
 */
package im.hearth.protocol.jid;
