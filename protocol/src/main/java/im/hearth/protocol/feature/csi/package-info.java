/** Client state indication (XEP-0352, {@code urn:xmpp:csi:0}): the stream feature and the two nonzas. */
package im.hearth.protocol.feature.csi;
