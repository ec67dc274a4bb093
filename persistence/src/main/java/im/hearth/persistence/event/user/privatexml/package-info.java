/**
 * Private XML storage events of a user's journal (XEP-0049): each stored element, by its
 * qualified name, in its serialized form.
 */
package im.hearth.persistence.event.user.privatexml;
