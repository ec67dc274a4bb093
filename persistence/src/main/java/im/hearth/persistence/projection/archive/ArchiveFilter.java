package im.hearth.persistence.projection.archive;

import java.time.Instant;
import java.util.List;

/**
 * Which of a user's archived messages a query is about (XEP-0313 section 4.1): with a peer (bare,
 * or with a resource for a full JID: 4.1.1), archived in [start, end] (4.1.2), or exactly these
 * ids (#extended). Null means no restriction; {@link #matches} is the same rule the repository's
 * SQL applies, for the journal tail the index has not seen yet.
 */
public record ArchiveFilter(String user, String peer, String peerResource, Instant start, Instant end,
                            List<String> ids) {

    public ArchiveFilter {
        ids = List.copyOf(ids);
        // The index keeps microseconds: compare at the same precision in SQL and in memory.
        start = start == null ? null : start.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        end = end == null ? null : end.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (peerResource != null && peer == null) {
            throw new IllegalArgumentException("a resource needs a peer");
        }
    }

    public static ArchiveFilter all(String user) {
        return new ArchiveFilter(user, null, null, null, null, List.of());
    }

    boolean matches(ArchiveRow row) {
        return row.user().equals(user)
                && (peer == null || row.peer().equals(peer))
                && (peerResource == null || row.peerResource().equals(peerResource))
                && (start == null || !row.at().isBefore(start))
                && (end == null || !row.at().isAfter(end))
                && (ids.isEmpty() || ids.contains(row.stanzaId()));
    }
}
