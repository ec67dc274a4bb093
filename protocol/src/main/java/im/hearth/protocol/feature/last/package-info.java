/** Last activity (XEP-0012): the query payload and its codec. */
package im.hearth.protocol.feature.last;
