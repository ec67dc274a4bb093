/**
 * The journal's contract: one sub-package of event records per entity
 * ({@code event.user}, {@code event.session}), and {@link im.hearth.persistence.event.PersistenceIds}
 * for the persistence ids and read-side tags of those entities.
 */
package im.hearth.persistence.event;
