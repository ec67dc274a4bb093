/** XEP-0059 Result Set Management: the {@code <set xmlns='http://jabber.org/protocol/rsm'/>} request and answer. */
package im.hearth.protocol.feature.rsm;
