package im.hearth.persistence.projection.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import im.hearth.persistence.db.DatabaseSettings;
import im.hearth.persistence.db.PekkoPersistenceConfig;
import javax.sql.DataSource;

/**
 * The node's read-side connection pool ({@link PekkoPersistenceConfig#READ_POOL_SIZE} connections,
 * apart from the journal's) and the archive repository on it. Closed with the node.
 */
public final class ArchiveStore implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final ArchiveRepository repository;

    private ArchiveStore(HikariDataSource dataSource, DatabaseSettings.Kind kind) {
        this.dataSource = dataSource;
        this.repository = new ArchiveRepository(dataSource, kind);
    }

    public static ArchiveStore open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hearth-read-side");
        config.setDriverClassName(settings.kind().driver());
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(PekkoPersistenceConfig.READ_POOL_SIZE);
        return new ArchiveStore(new HikariDataSource(config), settings.kind());
    }

    DataSource dataSource() {
        return dataSource;
    }

    public ArchiveRepository repository() {
        return repository;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
