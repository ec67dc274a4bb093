package im.hearth.persistence.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

/** What Hearth's own SQL asks of the JDBC driver beyond the standard API. */
final class Statements {

    private Statements() {
    }

    /**
     * Opens a scope in which statements on PostgreSQL are prepared on the server at once and answer
     * in binary (a {@code bytea} column arrives as its bytes, not as hex text that pgjdbc decodes
     * again: 4 % of the JVM's samples at 2,000 chat msgs/s were that decoding), yet are planned for
     * their parameters at every execution ({@code plan_cache_mode = force_custom_plan}, PostgreSQL
     * 12 or later). A generic plan is never used: one made while a new server's tables were empty
     * kept sequential scans and a nested-loop anti-join over the whole journal, and took 20 s per
     * poll once the journal had grown (bench/README.md). Closing the scope resets the setting, as
     * the connection goes back to a pool the journal writer also draws from. No effect on H2.
     */
    static PlannedEachTime plannedEachTime(Connection c) throws SQLException {
        boolean postgres = c.isWrapperFor(PGConnection.class);
        if (postgres) {
            execute(c, "SET plan_cache_mode = force_custom_plan");
        }
        return new PlannedEachTime(c, postgres);
    }

    /** See {@link #plannedEachTime}; prepare the statements with {@link #prepare}. */
    record PlannedEachTime(Connection connection, boolean postgres) implements AutoCloseable {

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            if (postgres) {
                // pgjdbc: a negative threshold prepares on the server at the first execution and
                // asks for binary results.
                ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            return ps;
        }

        @Override
        public void close() throws SQLException {
            if (postgres) {
                execute(connection, "RESET plan_cache_mode");
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
