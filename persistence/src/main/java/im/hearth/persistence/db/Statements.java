package im.hearth.persistence.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/** What Hearth's own SQL asks of the JDBC driver beyond the standard API. */
final class Statements {

    private Statements() {
    }

    /**
     * Has PostgreSQL plan the statement with its parameters at every execution, never keeping a
     * generic plan. pgjdbc prepares a statement on the server after five executions, and PostgreSQL
     * may then keep one plan for all parameters, made with the statistics of that moment. On a new
     * server those say the tables are empty: the archive's tag query kept sequential scans and a
     * nested-loop anti-join over the whole journal, and took 20 s per poll once the journal had grown
     * (bench/README.md). For a query whose best plan depends on table sizes that grow from nothing,
     * the planning at each execution (well under a millisecond) is the cheaper risk. No effect on H2.
     */
    static void planEachExecution(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
