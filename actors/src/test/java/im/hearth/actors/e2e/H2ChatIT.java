package im.hearth.actors.e2e;

import java.util.Map;

/** The end-to-end chat tests on the embedded default: H2 in the data folder. */
class H2ChatIT extends AbstractChatIT {
    @Override
    Map<String, Object> storage() {
        return Map.of("hearth.storage.kind", "h2");
    }
}
