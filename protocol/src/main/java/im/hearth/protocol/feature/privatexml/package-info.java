/**
 * Private XML storage, XEP-0049 ({@code jabber:iq:private}): the query payload and the rules on
 * which namespaces may be stored. Legacy bookmarks (XEP-0048 version 1.0, {@code storage:bookmarks})
 * are ordinary private XML.
 */
package im.hearth.protocol.feature.privatexml;
