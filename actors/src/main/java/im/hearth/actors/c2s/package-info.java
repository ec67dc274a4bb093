/**
 * Client-to-server connections (RFC 6120): the listeners, the connection stage between the TLS
 * stream and the session, and the session state machine (stream header, STARTTLS, SASL, resource
 * binding, stanzas). Direct TLS on its own port follows XEP-0368. Stream management (XEP-0198:
 * acks, hibernation, resumption on this node or from the journal) and client state indication
 * (XEP-0352) live here too, since they are about the stream itself; their catalogue entries and
 * settings are in {@code feature.sm} and {@code feature.csi}.
 */
package im.hearth.actors.c2s;
