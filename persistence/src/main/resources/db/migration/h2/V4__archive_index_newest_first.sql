-- The archive's newest messages first (the last MAM page, paging backwards) on H2: H2 2.2 does
-- not walk an index backwards, so ORDER BY "seq_nr" DESC over the primary key sorted every row
-- of the user (about 0.2 s warm at 100,000 messages). The repository names this index in a
-- USE INDEX hint for newest-first reads. PostgreSQL scans its B-tree backwards and needs none.
CREATE INDEX "archive_index_newest_idx" ON "archive_index" ("user_jid", "seq_nr" DESC);
