/**
 * The events of the User entity (key: the prepped bare JID): account and credentials, the
 * message archive and the offline queue. The journal's contract: records here never move or
 * change meaning (see {@code im.hearth.persistence.serial}).
 *
 * <p>{@link im.hearth.persistence.event.user.UserEvent} is sealed and this module is not a
 * named JPMS module, so every permitted event must live in this package.
 */
package im.hearth.persistence.event.user;
