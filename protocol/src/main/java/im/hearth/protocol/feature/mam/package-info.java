/**
 * XEP-0313 Message Archive Management ({@code urn:xmpp:mam:2}, with the {@code #extended} fields
 * before-id, after-id and ids) and the XEP-0441 archiving preferences: the query and its form, the
 * result messages wrapped in XEP-0297 forwarded with an XEP-0203 delay, the closing fin, and prefs.
 */
package im.hearth.protocol.feature.mam;
