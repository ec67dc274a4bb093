package im.hearth.actors.feature.mam;

import im.hearth.actors.feature.roster.Roster;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.mam.ArchivePrefsSet;
import im.hearth.protocol.feature.mam.MamPrefs;
import java.util.List;
import java.util.Locale;

/**
 * A user's archiving preferences (XEP-0441), the sum of their {@link ArchivePrefsSet} events:
 * part of the user's state and snapshot. An account that never set any archives everything
 * (Prosody's default_archive_policy = true).
 */
public record ArchivePrefs(MamPrefs.Default defaultBehaviour, List<String> always, List<String> never) {
    public static final ArchivePrefs EMPTY = new ArchivePrefs(MamPrefs.Default.ALWAYS, List.of(), List.of());

    public ArchivePrefs {
        defaultBehaviour = defaultBehaviour == null ? MamPrefs.Default.ALWAYS : defaultBehaviour;
        always = always == null ? List.of() : List.copyOf(always);
        never = never == null ? List.of() : List.copyOf(never);
    }

    public ArchivePrefs apply(UserEvent event) {
        if (event instanceof ArchivePrefsSet e) {
            return new ArchivePrefs(MamPrefs.Default.valueOf(e.defaultBehaviour().toUpperCase(Locale.ROOT)),
                    e.always(), e.never());
        }
        return this;
    }

    /**
     * Whether a message with this peer (a prepped bare JID) is archived: a JID on the never list
     * is not, one on the always list is, otherwise the default decides ('roster': only contacts
     * on the roster). A bare JID in a list covers every resource of it (XEP-0441 section 2).
     */
    public boolean archives(String peer, Roster roster) {
        if (never.contains(peer)) {
            return false;
        }
        if (always.contains(peer)) {
            return true;
        }
        return switch (defaultBehaviour) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ROSTER -> roster.item(peer).map(Roster.Item::listed).orElse(false);
        };
    }

    public MamPrefs toPayload() {
        return new MamPrefs(defaultBehaviour, always, never);
    }
}
