package im.hearth.actors.feature.pep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node-wide cache of entity capabilities (XEP-0115 section 6.3): a verified sha-1 'ver' and
 * the features it stands for. Shared by every User entity of the node; the oldest entries leave
 * first once it is full. Only answers whose hash was checked are put here.
 */
public final class CapsCache {
    private final int capacity;
    private final Map<String, Set<String>> byVer;

    public CapsCache(int capacity) {
        this.capacity = capacity;
        this.byVer = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > CapsCache.this.capacity;
            }
        };
    }

    public synchronized Optional<Set<String>> features(String ver) {
        return Optional.ofNullable(byVer.get(ver));
    }

    public synchronized void put(String ver, Set<String> features) {
        byVer.put(ver, Set.copyOf(features));
    }
}
