/**
 * Roster and presence subscription events of a user's journal (RFC 6121 sections 2 and 3, roster
 * versioning XEP-0237). Every change to the roster is one event; the roster version is the count
 * of them, so a client's {@code ver} names a point in this journal.
 */
package im.hearth.persistence.event.user.roster;
