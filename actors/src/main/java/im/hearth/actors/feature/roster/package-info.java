/**
 * The roster (RFC 6121 section 2, versioning XEP-0237) and presence subscriptions (RFC 6121
 * section 3 and Appendix A): state evolved from the user's journal, decisions as pure functions,
 * applied by the User entity. No settings yet.
 */
package im.hearth.actors.feature.roster;
