/**
 * Last activity events of a user's journal (XEP-0012 section 4): when the account's last available
 * resource went away, and the status it left with.
 */
package im.hearth.persistence.event.user.last;
