package im.hearth.persistence.db;

import im.hearth.persistence.event.PersistenceIds;
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
 * read-side projections poll.
 *
 * <p>For the tag {@link PersistenceIds#ALL_USER_EVENTS}, which no event carries, it reads every User
 * event in the offset range from the journal alone, by its ordering index, with no tag rows: User
 * events are written without tags, since a tag row per event cost PostgreSQL about a sixth of a
 * journal row's work (bench/README.md, twelfth session). The library's bounds, limit and handling
 * of deleted rows are kept.
 *
 * <p>For any other tag (the Session hibernations', or the User tags of events written before), the
 * library's query bounds the offset range on {@code event_journal.ordering} only, so the database
 * cannot use it on {@code event_tag}: PostgreSQL merge-joins every journal row of the range (all
 * tags, payloads included) with every {@code event_tag} entry of the tag since the beginning of
 * time (apache/pekko-persistence-jdbc#105, open). This query bounds {@code event_tag.event_id}, so
 * the {@code (tag, event_id)} index ({@code postgres/V3}, {@code h2/V5}) finds exactly the rows of
 * the tag in the range, and the journal is read by its ordering index for those rows only. Rows,
 * order, limit and deserialization are the library's.
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

    /**
     * Every User event in the range, read from the journal by its ordering index; Session events in
     * the range are read past. Asked for by the tag no event carries,
     * {@link PersistenceIds#ALL_USER_EVENTS}.
     */
    static final String ALL_USER_EVENTS = """
            SELECT j."ordering", j."deleted", j."persistence_id", j."sequence_number", j."writer",
                   j."write_timestamp", j."adapter_manifest", j."event_payload", j."event_ser_id",
                   j."event_ser_manifest", j."meta_payload", j."meta_ser_id", j."meta_ser_manifest"
            FROM "event_journal" j
            WHERE j."ordering" > ? AND j."ordering" <= ? AND j."persistence_id" LIKE ? AND NOT j."deleted"
            ORDER BY j."ordering"
            LIMIT ?""";

    /** The {@code LIKE} pattern of {@link #ALL_USER_EVENTS}: every User persistence id. */
    static final String USER_IDS = PersistenceIds.USER_TYPE + PersistenceIds.SEPARATOR + "%";

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
        boolean allUsers = PersistenceIds.ALL_USER_EVENTS.equals(tag);
        try (Statements.PlannedEachTime planned = Statements.plannedEachTime(c);
             PreparedStatement ps = planned.prepare(allUsers ? ALL_USER_EVENTS : EVENTS_BY_TAG)) {
            if (allUsers) {
                ps.setLong(1, offset);
                ps.setLong(2, maxOffset);
                ps.setString(3, USER_IDS);
            } else {
                ps.setString(1, tag);
                ps.setLong(2, offset);
                ps.setLong(3, maxOffset);
            }
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
