/**
 * Database bootstrap: the {@code hearth.storage} settings
 * ({@link im.hearth.persistence.db.DatabaseSettings}), the Flyway schema migrations for H2 and
 * PostgreSQL ({@link im.hearth.persistence.db.Migrations}), and the configuration overlay that
 * points pekko-persistence-jdbc at that database
 * ({@link im.hearth.persistence.db.PekkoPersistenceConfig}).
 */
package im.hearth.persistence.db;
