package im.hearth.actors.e2e;

import java.util.Map;

/** The end-to-end chat tests on PostgreSQL (embedded, a real server). */
class PostgresChatIT extends AbstractChatIT {
    @Override
    Map<String, Object> storage() throws Exception {
        return TestDatabases.newPostgresDatabase();
    }
}
