/** Data forms (XEP-0004): the record and its codec, shared by every feature that carries a form. */
package im.hearth.protocol.feature.dataforms;
