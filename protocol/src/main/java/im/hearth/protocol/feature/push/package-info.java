/**
 * XEP-0357 Push Notifications: the {@code urn:xmpp:push:0} enable/disable requests and the
 * notification published to an app server, with the {@code urn:xmpp:push:summary} form.
 */
package im.hearth.protocol.feature.push;
