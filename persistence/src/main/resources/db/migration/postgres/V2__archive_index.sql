-- The archive read side (XEP-0313 queries): one row per MessageArchived event of a user's journal,
-- filled by the archive-index projection (one instance per user tag) and rebuildable from the
-- journal at any time. Keyed by the event's place in the journal, so writing a row twice is harmless.
-- Kept in step with h2/V3__archive_index.sql.
CREATE TABLE archive_index (
    user_jid VARCHAR(1100) NOT NULL,
    seq_nr BIGINT NOT NULL,
    stanza_id VARCHAR(64) NOT NULL,
    at_micros BIGINT NOT NULL,
    outgoing BOOLEAN NOT NULL,
    peer VARCHAR(1100) NOT NULL,
    peer_resource VARCHAR(1100) NOT NULL,
    stanza_xml TEXT NOT NULL,
    PRIMARY KEY (user_jid, seq_nr)
);
CREATE INDEX archive_index_peer_idx ON archive_index (user_jid, peer, seq_nr);
CREATE INDEX archive_index_stanza_id_idx ON archive_index (user_jid, stanza_id);
CREATE INDEX archive_index_at_idx ON archive_index (at_micros);

-- pekko-projection-jdbc 1.0.0's offset and management tables (postgres-dialect), made here
-- instead of by JdbcProjection.createTablesIfNotExists at run time.
CREATE TABLE pekko_projection_offset_store (
    projection_name VARCHAR(255) NOT NULL,
    projection_key VARCHAR(255) NOT NULL,
    current_offset VARCHAR(255) NOT NULL,
    manifest VARCHAR(4) NOT NULL,
    mergeable BOOLEAN NOT NULL,
    last_updated BIGINT NOT NULL,
    PRIMARY KEY (projection_name, projection_key)
);
CREATE INDEX projection_name_index ON pekko_projection_offset_store (projection_name);

CREATE TABLE pekko_projection_management (
    projection_name VARCHAR(255) NOT NULL,
    projection_key VARCHAR(255) NOT NULL,
    paused BOOLEAN NOT NULL,
    last_updated BIGINT NOT NULL,
    PRIMARY KEY (projection_name, projection_key)
);
