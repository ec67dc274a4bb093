/** Entity capabilities (XEP-0115): the caps element and its verification string. */
package im.hearth.protocol.feature.caps;
