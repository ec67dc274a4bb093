/**
 * Roster payloads, RFC 6121 section 2 ({@code jabber:iq:roster}) with roster versioning
 * (XEP-0237, the {@code ver} attribute): items with name, groups, subscription and the pending
 * 'ask' flag, as records with their codec.
 */
package im.hearth.protocol.feature.roster;
