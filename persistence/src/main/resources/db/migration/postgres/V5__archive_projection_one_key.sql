-- From this version User events carry no tag, and the archive index is one projection (key 'users')
-- that reads every User event from the journal by its ordering (TagFirstReadJournalDao), instead of
-- 16 projections over the tags user-0 ... user-15: a tag row per event cost PostgreSQL about 14 µs
-- and 218 bytes of WAL, and each message makes two events (bench/README.md, twelfth session).
-- The new projection starts where the slowest of the 16 had got to. Events between that offset and
-- the others' are indexed again, which changes nothing (rows are keyed by user and sequence number).
-- If fewer than 16 had an offset, one of them had indexed nothing yet: no offset is carried over,
-- and the new projection starts from the beginning of the journal. Kept in step with h2/V7.
INSERT INTO pekko_projection_offset_store
    (projection_name, projection_key, current_offset, manifest, mergeable, last_updated)
SELECT 'archive-index', 'users', CAST(MIN(CAST(current_offset AS BIGINT)) AS VARCHAR(255)), 'SEQ', FALSE,
       MAX(last_updated)
FROM pekko_projection_offset_store
WHERE projection_name = 'archive-index' AND projection_key LIKE 'user-%' AND manifest = 'SEQ'
HAVING COUNT(*) = 16;

DELETE FROM pekko_projection_offset_store WHERE projection_name = 'archive-index' AND projection_key LIKE 'user-%';
DELETE FROM pekko_projection_management WHERE projection_name = 'archive-index' AND projection_key LIKE 'user-%';
