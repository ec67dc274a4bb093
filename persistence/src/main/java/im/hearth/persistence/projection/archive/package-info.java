/**
 * The archive read side behind XEP-0313 queries: the {@code archive_index} table, one row per
 * {@code MessageArchived} event, filled by a pekko-projection-jdbc projection over every User event
 * ({@link im.hearth.persistence.projection.archive.ArchiveProjection}, handler
 * {@link im.hearth.persistence.projection.archive.ArchiveIndexHandler}, SQL in
 * {@link im.hearth.persistence.projection.archive.ArchiveRepository}), and the reader that merges
 * it with the journal's newest events so a query sees every message accepted before it
 * ({@link im.hearth.persistence.projection.archive.ArchiveReader}). The table can be emptied and
 * rebuilt from the journal at any time ({@link im.hearth.persistence.projection.archive.ArchiveRepository#reset}).
 */
package im.hearth.persistence.projection.archive;
