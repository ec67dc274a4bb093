/**
 * XEP-0280 Message Carbons: the {@code urn:xmpp:carbons:2} enable/disable requests, the private
 * hint, and the sent/received wrappers around a XEP-0297 forwarded message.
 */
package im.hearth.protocol.feature.carbons;
