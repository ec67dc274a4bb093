/** XEP-0191 Blocking Command: the {@code urn:xmpp:blocking} payloads and the blocked error condition. */
package im.hearth.protocol.feature.blocking;
