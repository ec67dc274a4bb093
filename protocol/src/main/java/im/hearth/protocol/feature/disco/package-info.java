/**
 * Service discovery payloads, XEP-0030: the disco#info answer (identities and features) and the
 * disco#items answer, as records with their codec.
 */
package im.hearth.protocol.feature.disco;
