-- User events carry no tag from this version; the archive index is one projection (key 'users')
-- reading every User event by ordering, instead of one per tag user-0 ... user-15. It starts where
-- the slowest of the 16 had got to, or from the beginning if any had no offset yet. See postgres/V5.
INSERT INTO "pekko_projection_offset_store"
    ("projection_name", "projection_key", "current_offset", "manifest", "mergeable", "last_updated")
SELECT 'archive-index', 'users', CAST(MIN(CAST("current_offset" AS BIGINT)) AS VARCHAR(255)), 'SEQ', FALSE,
       MAX("last_updated")
FROM "pekko_projection_offset_store"
WHERE "projection_name" = 'archive-index' AND "projection_key" LIKE 'user-%' AND "manifest" = 'SEQ'
HAVING COUNT(*) = 16;

DELETE FROM "pekko_projection_offset_store"
WHERE "projection_name" = 'archive-index' AND "projection_key" LIKE 'user-%';
DELETE FROM "pekko_projection_management"
WHERE "projection_name" = 'archive-index' AND "projection_key" LIKE 'user-%';
