/**
 * Client-to-server connections (RFC 6120): the listeners, the connection stage between the TLS
 * stream and the session, and the session state machine (stream header, STARTTLS, SASL, resource
 * binding, stanzas). Direct TLS on its own port follows XEP-0368.
 */
package im.hearth.actors.c2s;
