package im.hearth.persistence.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.PekkoSerialization;
import org.apache.pekko.persistence.jdbc.config.ReadJournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.persistence.jdbc.query.dao.DefaultReadJournalDao;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.scaladsl.Source;
import scala.Option;
import scala.Tuple3;
import scala.collection.immutable.Set;
import scala.collection.immutable.Set$;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;
import scala.util.Try;
import slick.dbio.DBIOAction;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.SimpleJdbcAction;

/**
 * pekko-persistence-jdbc's read journal DAO with one query replaced: {@code eventsByTag}, which the
 * archive projections poll once a second per tag.
 *
 * <p>The library's query bounds the offset range on {@code event_journal.ordering} only, so the
 * database cannot use it on {@code event_tag}: PostgreSQL merge-joins every journal row of the range
 * (all tags, payloads included) with every {@code event_tag} entry of the tag since the beginning of
 * time, and each of the 16 projections does so on every poll (apache/pekko-persistence-jdbc#105,
 * open). This query bounds {@code event_tag.event_id}, so the {@code (tag, event_id)} index
 * ({@code postgres/V3}, {@code h2/V5}) finds exactly the rows of the tag in the range, and the
 * journal is read by its ordering index for those rows only. Rows, order, limit and
 * deserialization are the library's.
 *
 * <p>Configured as {@code jdbc-read-journal.dao} by {@link PekkoPersistenceConfig}; instantiated by
 * the plugin through this constructor.
 */
public final class TagFirstReadJournalDao extends DefaultReadJournalDao {

    /**
     * The tag's event ids come first, bounded and limited in a derived table, so that neither
     * database can start from the journal: H2, given a plain join, scanned the whole journal table.
     * Deleted rows are excluded inside it, before the limit, as the library does; skipping them
     * after the limit could return nothing for a full page and make the read journal jump ahead.
     */
    static final String EVENTS_BY_TAG = """
            SELECT j."ordering", j."deleted", j."persistence_id", j."sequence_number", j."writer",
                   j."write_timestamp", j."adapter_manifest", j."event_payload", j."event_ser_id",
                   j."event_ser_manifest", j."meta_payload", j."meta_ser_id", j."meta_ser_manifest"
            FROM (SELECT t."event_id" FROM "event_tag" t
                  WHERE t."tag" = ? AND t."event_id" > ? AND t."event_id" <= ?
                    AND NOT EXISTS (SELECT 1 FROM "event_journal" d WHERE d."ordering" = t."event_id" AND d."deleted")
                  ORDER BY t."event_id"
                  LIMIT ?) t
            JOIN "event_journal" j ON j."ordering" = t."event_id"
            ORDER BY t."event_id\"""";

    private final Serialization serialization;

    public TagFirstReadJournalDao(JdbcBackend.JdbcDatabaseDef db, JdbcProfile profile, ReadJournalConfig config,
            Serialization serialization, ExecutionContext ec, Materializer mat) {
        super(db, profile, config, serialization, ec, mat);
        this.serialization = serialization;
    }

    @Override
    public Source<Try<Tuple3<PersistentRepr, Set<String>, Object>>, NotUsed> eventsByTag(
            String tag, long offset, long maxOffset, long max) {
        // Run by Slick like the library's own queries: on its executor, with a pooled connection.
        @SuppressWarnings({"unchecked", "rawtypes"})
        Future<List<JournalPekkoSerializationRow>> rows = (Future) db().run((DBIOAction) SimpleJdbcAction.apply(
                ctx -> read(ctx.connection(), tag, offset, maxOffset, max)));
        Set<String> noTags = Set$.MODULE$.empty();
        return org.apache.pekko.stream.javadsl.Source.completionStage(FutureConverters.asJava(rows))
                .mapConcat(list -> list)
                .map(row -> PekkoSerialization.fromRow(serialization, row)
                        .map(read -> new Tuple3<PersistentRepr, Set<String>, Object>(read._1(), noTags, read._2())))
                .asScala();
    }

    static List<JournalPekkoSerializationRow> read(Connection c, String tag, long offset, long maxOffset,
            long max) {
        try (PreparedStatement ps = c.prepareStatement(EVENTS_BY_TAG)) {
            Statements.planEachExecution(ps);
            ps.setString(1, tag);
            ps.setLong(2, offset);
            ps.setLong(3, maxOffset);
            ps.setLong(4, Math.min(max, Integer.MAX_VALUE)); // H2 refuses a larger LIMIT
            List<JournalPekkoSerializationRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("eventsByTag(" + tag + ", " + offset + ", " + maxOffset + ") failed", e);
        }
    }

    private static JournalPekkoSerializationRow row(ResultSet rs) throws SQLException {
        int metaSerId = rs.getInt(12);
        Option<Object> metaSerIdOption = rs.wasNull() ? Option.empty() : Option.apply(metaSerId);
        return new JournalPekkoSerializationRow(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getBytes(8), rs.getInt(9), rs.getString(10),
                Option.apply(rs.getBytes(11)), metaSerIdOption, Option.apply(rs.getString(13)));
    }
}
