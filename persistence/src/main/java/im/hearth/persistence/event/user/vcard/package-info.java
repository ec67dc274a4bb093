/**
 * Profile events of a user's journal: the vcard-temp vCard (XEP-0054) with its avatar hash
 * (XEP-0153), and the vCard4 (XEP-0292), each replaced whole by the owner.
 */
package im.hearth.persistence.event.user.vcard;
