-- The journal, tag and snapshot tables that pekko-persistence-jdbc 1.1.1's default DAOs
-- (DefaultJournalDao, DefaultReadJournalDao, DefaultSnapshotDao) read and write, with the
-- default table and column names. Adapted from schema/h2/h2-create-schema.sql in its jar:
-- unqualified names (the connection's default schema) and no durable_state table (Hearth
-- does not use durable state). Quoted lower-case names, because Slick quotes them.

CREATE TABLE "event_journal" (
    "ordering" BIGINT UNIQUE NOT NULL AUTO_INCREMENT,
    "deleted" BOOLEAN DEFAULT FALSE NOT NULL,
    "persistence_id" VARCHAR(255) NOT NULL,
    "sequence_number" BIGINT NOT NULL,
    "writer" VARCHAR NOT NULL,
    "write_timestamp" BIGINT NOT NULL,
    "adapter_manifest" VARCHAR NOT NULL,
    "event_payload" BLOB NOT NULL,
    "event_ser_id" INTEGER NOT NULL,
    "event_ser_manifest" VARCHAR NOT NULL,
    "meta_payload" BLOB,
    "meta_ser_id" INTEGER,
    "meta_ser_manifest" VARCHAR,
    PRIMARY KEY ("persistence_id", "sequence_number")
);

CREATE UNIQUE INDEX "event_journal_ordering_idx" ON "event_journal" ("ordering");

CREATE TABLE "event_tag" (
    "event_id" BIGINT NOT NULL,
    "tag" VARCHAR NOT NULL,
    PRIMARY KEY ("event_id", "tag"),
    CONSTRAINT "fk_event_journal"
        FOREIGN KEY ("event_id")
        REFERENCES "event_journal" ("ordering")
        ON DELETE CASCADE
);

CREATE TABLE "snapshot" (
    "persistence_id" VARCHAR(255) NOT NULL,
    "sequence_number" BIGINT NOT NULL,
    "created" BIGINT NOT NULL,
    "snapshot_ser_id" INTEGER NOT NULL,
    "snapshot_ser_manifest" VARCHAR NOT NULL,
    "snapshot_payload" BLOB NOT NULL,
    "meta_ser_id" INTEGER,
    "meta_ser_manifest" VARCHAR,
    "meta_payload" BLOB,
    PRIMARY KEY ("persistence_id", "sequence_number")
);
