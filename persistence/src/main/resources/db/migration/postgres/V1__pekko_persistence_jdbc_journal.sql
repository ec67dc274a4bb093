-- The journal, tag and snapshot tables that pekko-persistence-jdbc 1.1.1's default DAOs
-- (DefaultJournalDao, DefaultReadJournalDao, DefaultSnapshotDao) read and write, with the
-- default table and column names. Adapted from schema/postgres/postgres-create-schema.sql in
-- its jar: unqualified names (the connection's search_path), no durable_state table (Hearth
-- does not use durable state), and no CREATE INDEX CONCURRENTLY, which cannot run inside
-- Flyway's transaction and buys nothing on a new, empty table.

CREATE TABLE event_journal (
    ordering BIGSERIAL,
    persistence_id VARCHAR(255) NOT NULL,
    sequence_number BIGINT NOT NULL,
    deleted BOOLEAN DEFAULT FALSE NOT NULL,

    writer VARCHAR(255) NOT NULL,
    write_timestamp BIGINT,
    adapter_manifest VARCHAR(255),

    event_ser_id INTEGER NOT NULL,
    event_ser_manifest VARCHAR(255) NOT NULL,
    event_payload BYTEA NOT NULL,

    meta_ser_id INTEGER,
    meta_ser_manifest VARCHAR(255),
    meta_payload BYTEA,

    PRIMARY KEY (persistence_id, sequence_number)
);

CREATE UNIQUE INDEX event_journal_ordering_idx ON event_journal (ordering);

CREATE TABLE event_tag (
    event_id BIGINT,
    tag VARCHAR(256),
    PRIMARY KEY (event_id, tag),
    CONSTRAINT fk_event_journal
        FOREIGN KEY (event_id)
        REFERENCES event_journal (ordering)
        ON DELETE CASCADE
);

CREATE TABLE snapshot (
    persistence_id VARCHAR(255) NOT NULL,
    sequence_number BIGINT NOT NULL,
    created BIGINT NOT NULL,

    snapshot_ser_id INTEGER NOT NULL,
    snapshot_ser_manifest VARCHAR(255) NOT NULL,
    snapshot_payload BYTEA NOT NULL,

    meta_ser_id INTEGER,
    meta_ser_manifest VARCHAR(255),
    meta_payload BYTEA,

    PRIMARY KEY (persistence_id, sequence_number)
);
