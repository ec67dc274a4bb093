/** In-band registration (XEP-0077): the {@code jabber:iq:register} payload as records. */
package im.hearth.protocol.feature.register;
