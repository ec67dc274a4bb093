/**
 * Message archive events of a user's journal beyond {@code MessageArchived} itself: the XEP-0441
 * archiving preferences (XEP-0313 section 6) and the retention markers of expired archive parts.
 * JIDs are stored prepared (RFC 7622), as strings.
 */
package im.hearth.persistence.event.user.mam;
