/** XEP-0334 Message Processing Hints: the {@code urn:xmpp:hints} elements a sender adds to a message. */
package im.hearth.protocol.feature.hints;
