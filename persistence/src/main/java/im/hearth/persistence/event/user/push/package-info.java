/**
 * Push registration events of a user's journal (XEP-0357 Push Notifications): the devices' app
 * server nodes are the sum of them. JIDs are stored prepared (RFC 7622), as strings.
 */
package im.hearth.persistence.event.user.push;
