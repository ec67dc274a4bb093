-- Payloads as BINARY VARYING instead of BLOB. H2 keeps every BLOB in its separate LOB store,
-- which made each journal write several extra store operations (the bench profile showed H2's
-- LOB map among the top costs of a chat message); events are small (a stanza is at most
-- hearth.c2s.max-stanza-size), and BINARY VARYING keeps them inline in the row. The JDBC type
-- pekko-persistence-jdbc binds (a byte array) is the same for both.
ALTER TABLE "event_journal" ALTER COLUMN "event_payload" SET DATA TYPE BINARY VARYING(1000000000);
ALTER TABLE "event_journal" ALTER COLUMN "meta_payload" SET DATA TYPE BINARY VARYING(1000000000);
ALTER TABLE "snapshot" ALTER COLUMN "snapshot_payload" SET DATA TYPE BINARY VARYING(1000000000);
ALTER TABLE "snapshot" ALTER COLUMN "meta_payload" SET DATA TYPE BINARY VARYING(1000000000);
