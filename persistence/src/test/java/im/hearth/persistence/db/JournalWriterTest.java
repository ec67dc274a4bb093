package im.hearth.persistence.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The journal writer's contract on H2, the embedded default. */
class JournalWriterTest extends JournalWriterContract {

  @TempDir
  Path dir;

  @Override
  DatabaseSettings freshDatabase() {
    return DatabaseSettings.h2(dir);
  }
}
