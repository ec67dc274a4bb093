/**
 * Profiles: vcard-temp (XEP-0054) and vCard4 over IQ (XEP-0292), and the vCard-based avatar hash of
 * XEP-0153 ({@code vcard-temp:x:update}). A vCard itself is kept as XML; the codecs here only read
 * what the server needs from it (the photo's hash).
 */
package im.hearth.protocol.feature.vcard;
