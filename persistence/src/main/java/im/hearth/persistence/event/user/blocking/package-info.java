/**
 * Blocking events of a user's journal (XEP-0191 Blocking Command): the blocklist is the sum of
 * them. JIDs are stored prepared (RFC 7622), as strings: full, bare or domain JIDs.
 */
package im.hearth.persistence.event.user.blocking;
