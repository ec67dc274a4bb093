/**
 * The events of the Session entity (key: the session id): opened, authenticated, bound,
 * closed, and for stream management (XEP-0198) enabled, hibernated and resumed. The journal's contract: records here never move or change meaning (see
 * {@code im.hearth.persistence.serial}); all permitted events live in this package.
 */
package im.hearth.persistence.event.session;
