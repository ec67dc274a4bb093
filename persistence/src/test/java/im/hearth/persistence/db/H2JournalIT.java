package im.hearth.persistence.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on the embedded default: an H2 file in a fresh data directory. */
class H2JournalIT extends JournalContract {

  @TempDir
  static Path dataDir;

  @Override
  DatabaseSettings settings() {
    DatabaseSettings defaults = DatabaseSettings.h2(dataDir);
    return new DatabaseSettings(defaults.kind(), defaults.url(), defaults.user(), defaults.password(), 4);
  }
}
