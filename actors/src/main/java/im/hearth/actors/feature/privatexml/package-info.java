/**
 * Private XML storage (XEP-0049) and, through it, legacy bookmarks (XEP-0048 version 1.0): state
 * evolved from the user's journal, decisions as pure functions, applied by the User entity.
 */
package im.hearth.actors.feature.privatexml;
