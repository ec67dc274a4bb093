package im.hearth.persistence.projection.archive;

import im.hearth.persistence.db.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The SQL of the archive index, for H2 and PostgreSQL (identifiers are quoted lower case, which
 * both read alike). Writes of the projection take the projection's connection (its transaction
 * also stores the offset); queries take one of the read pool's connections and must run on a
 * blocking dispatcher, never on an actor's thread.
 */
public final class ArchiveRepository {
    static final String COLUMNS = "\"user_jid\", \"seq_nr\", \"stanza_id\", \"at_micros\", \"outgoing\", \"peer\", "
            + "\"peer_resource\", \"stanza_xml\"";

    private final DataSource dataSource;
    private final String upsert;
    /** Names the newest-first index for H2, which would otherwise sort every row (h2/V4 migration). */
    private final String newestFirst;

    public ArchiveRepository(DataSource dataSource, DatabaseSettings.Kind kind) {
        this.dataSource = dataSource;
        // Idempotent by (user, seq nr): a replayed event finds its row and leaves it as it is.
        this.upsert = kind == DatabaseSettings.Kind.H2
                ? "MERGE INTO \"archive_index\" (" + COLUMNS + ") KEY (\"user_jid\", \"seq_nr\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO \"archive_index\" (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (\"user_jid\", \"seq_nr\") DO NOTHING";
        this.newestFirst = kind == DatabaseSettings.Kind.H2 ? " USE INDEX (\"archive_index_newest_idx\")" : "";
    }

    /** Writes these rows in the caller's transaction (the projection's, with its offset). */
    void upsert(Connection c, List<ArchiveRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (ArchiveRow r : rows) {
                ps.setString(1, r.user());
                ps.setLong(2, r.seqNr());
                ps.setString(3, r.stanzaId());
                ps.setLong(4, ArchiveRow.micros(r.at()));
                ps.setBoolean(5, r.outgoing());
                ps.setString(6, r.peer());
                ps.setString(7, r.peerResource());
                ps.setString(8, r.stanzaXml());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The highest journal sequence number indexed for this user; 0 when none. */
    public long maxSeqNr(String user) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT \"seq_nr\" FROM \"archive_index\"" + newestFirst
                             + " WHERE \"user_jid\" = ? ORDER BY \"seq_nr\" DESC LIMIT 1")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The sequence number of the message with this archive id in the user's index, if any. */
    public OptionalLong seqNrOf(String user, String stanzaId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT \"seq_nr\" FROM \"archive_index\" WHERE \"user_jid\" = ? AND \"stanza_id\" = ?")) {
            ps.setString(1, user);
            ps.setString(2, stanzaId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * At most {@code limit} rows that match, with {@code above < seq nr < below}, in journal order
     * or (descending) newest first.
     */
    public List<ArchiveRow> page(ArchiveFilter f, long above, long below, int limit, boolean descending)
            throws SQLException {
        Where w = where(f, above, below);
        String sql = "SELECT " + COLUMNS + " FROM \"archive_index\"" + (descending ? newestFirst : "") + w.sql
                + " ORDER BY \"seq_nr\""
                + (descending ? " DESC" : "") + " LIMIT " + Math.max(0, limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            w.bind(ps);
            List<ArchiveRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    /** Every row of one user, in journal order (for audits and the rebuild test). */
    public List<ArchiveRow> all(String user) throws SQLException {
        return page(ArchiveFilter.all(user), 0, Long.MAX_VALUE, Integer.MAX_VALUE, false);
    }

    /** Users with messages archived before the cutoff (the retention sweep's work list). */
    public List<String> usersWithMessagesBefore(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT DISTINCT \"user_jid\" FROM \"archive_index\" WHERE \"at_micros\" < ?")) {
            ps.setLong(1, ArchiveRow.micros(cutoff));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * Removes the user's messages archived before the cutoff and below {@code belowSeqNr} (the
     * expiry marker's number) from the index and their events (with the events' tag rows) from the journal, in one
     * transaction. Only rows the index knows are removed; a later sweep takes the rest.
     *
     * @return how many messages were removed
     */
    public int deleteExpired(String user, String persistenceId, Instant cutoff, long belowSeqNr) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> seqNrs = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT \"seq_nr\" FROM \"archive_index\" "
                        + "WHERE \"user_jid\" = ? AND \"at_micros\" < ? AND \"seq_nr\" < ?")) {
                    ps.setString(1, user);
                    ps.setLong(2, ArchiveRow.micros(cutoff));
                    ps.setLong(3, belowSeqNr);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seqNrs.add(rs.getLong(1));
                        }
                    }
                }
                // Tag rows first, while their journal rows still say which they are (no foreign key
                // cascades them: postgres/V4).
                deleteBySeqNr(c, "DELETE FROM \"event_tag\" WHERE \"event_id\" IN (SELECT \"ordering\" FROM "
                        + "\"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?)",
                        persistenceId, seqNrs);
                deleteBySeqNr(c, "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ? AND \"sequence_number\" = ?",
                        persistenceId, seqNrs);
                deleteBySeqNr(c, "DELETE FROM \"archive_index\" WHERE \"user_jid\" = ? AND \"seq_nr\" = ?",
                        user, seqNrs);
                c.commit();
                return seqNrs.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void deleteBySeqNr(Connection c, String sql, String key, List<Long> seqNrs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long s : seqNrs) {
                ps.setString(1, key);
                ps.setLong(2, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Empties the index and forgets the projection's offsets, so that the projection rebuilds it
     * from the journal when the node next starts. Run it while no node runs.
     */
    public void reset() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("DELETE FROM \"archive_index\"");
                 PreparedStatement b = c.prepareStatement(
                         "DELETE FROM \"pekko_projection_offset_store\" WHERE \"projection_name\" = ?")) {
                a.executeUpdate();
                b.setString(1, ArchiveProjection.NAME);
                b.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static ArchiveRow row(ResultSet rs) throws SQLException {
        return new ArchiveRow(rs.getString(1), rs.getLong(2), rs.getString(3), ArchiveRow.ofMicros(rs.getLong(4)),
                rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    private record Where(String sql, List<Object> params) {
        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, (String) p);
                }
            }
        }
    }

    private static Where where(ArchiveFilter f, long above, long below) {
        StringBuilder sql = new StringBuilder(" WHERE \"user_jid\" = ?");
        List<Object> params = new ArrayList<>(List.of(f.user()));
        if (f.peer() != null) {
            sql.append(" AND \"peer\" = ?");
            params.add(f.peer());
        }
        if (f.peerResource() != null) {
            sql.append(" AND \"peer_resource\" = ?");
            params.add(f.peerResource());
        }
        if (f.start() != null) {
            sql.append(" AND \"at_micros\" >= ?");
            params.add(ArchiveRow.micros(f.start()));
        }
        if (f.end() != null) {
            sql.append(" AND \"at_micros\" <= ?");
            params.add(ArchiveRow.micros(f.end()));
        }
        if (!f.ids().isEmpty()) {
            sql.append(" AND \"stanza_id\" IN (").append("?, ".repeat(f.ids().size() - 1)).append("?)");
            params.addAll(f.ids());
        }
        if (above > 0) {
            sql.append(" AND \"seq_nr\" > ?");
            params.add(above);
        }
        if (below < Long.MAX_VALUE) {
            sql.append(" AND \"seq_nr\" < ?");
            params.add(below);
        }
        return new Where(sql.toString(), params);
    }
}
