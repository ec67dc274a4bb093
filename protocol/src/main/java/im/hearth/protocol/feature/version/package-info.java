/** Software version (XEP-0092): the query payload and its codec. */
package im.hearth.protocol.feature.version;
