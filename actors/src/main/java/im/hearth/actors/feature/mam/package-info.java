/**
 * XEP-0313 Message Archive Management ({@code urn:xmpp:mam:2} and {@code #extended}) on the
 * account, with XEP-0059 paging, the XEP-0441 archiving preferences kept in the user's journal,
 * and the retention sweep ({@code hearth.archive}). Queries read the archive read side off the
 * entity's thread; see {@code im.hearth.persistence.projection.archive}.
 */
package im.hearth.actors.feature.mam;
