/**
 * Profiles: vcard-temp (XEP-0054), vCard4 over IQ (XEP-0292) and the vCard avatar hash of
 * XEP-0153: state evolved from the user's journal, decisions as pure functions, applied by the
 * User entity.
 */
package im.hearth.actors.feature.vcard;
