package im.hearth.persistence.projection.archive;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

/** JDBC calls inside {@code CompletionStage} steps: a {@link SQLException} fails the stage. */
public final class Sql {

    private Sql() {
    }

    /** One JDBC call that may throw. */
    public interface Call<T> {
        T call() throws SQLException;
    }

    public static <T> T run(Call<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }
}
