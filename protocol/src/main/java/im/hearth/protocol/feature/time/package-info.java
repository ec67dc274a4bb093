/** Entity time (XEP-0202): the time payload and its codec. */
package im.hearth.protocol.feature.time;
