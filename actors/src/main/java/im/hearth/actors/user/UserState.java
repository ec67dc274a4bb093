package im.hearth.actors.user;

import im.hearth.actors.feature.blocking.Blocklist;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.CredentialsChanged;
import im.hearth.persistence.event.user.OfflineDelivered;
import im.hearth.persistence.event.user.StoredCredential;
import im.hearth.persistence.event.user.StoredOffline;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.serial.StoredData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a user's journal adds up to: the account and its credentials, the messages waiting in
 * offline storage, the roster with its subscriptions, and the blocklist (XEP-0191). Archived messages are not kept here (they are read back through the archive).
 * It is also the snapshot, so its shape is part of the stored contract.
 */
public record UserState(boolean exists, List<StoredCredential> credentials, List<OfflineMessage> offline,
                        Roster roster, Blocklist blocklist) implements StoredData {

    /** A message kept for the next available session, in its serialized form. */
    public record OfflineMessage(String stanzaId, Instant at, String stanzaXml) {
    }

    public static final UserState EMPTY = new UserState(false, List.of(), List.of(), Roster.EMPTY, Blocklist.EMPTY);

    public UserState {
        credentials = List.copyOf(credentials);
        offline = List.copyOf(offline);
        roster = roster == null ? Roster.EMPTY : roster;
        blocklist = blocklist == null ? Blocklist.EMPTY : blocklist; // snapshots from before blocking
    }

    public UserState apply(UserEvent event) {
        if (event instanceof AccountCreated e) {
            return new UserState(true, e.credentials(), List.of(), Roster.EMPTY, Blocklist.EMPTY);
        } else if (event instanceof CredentialsChanged e) {
            return new UserState(exists, e.credentials(), offline, roster, blocklist);
        } else if (event instanceof StoredOffline e) {
            List<OfflineMessage> more = new ArrayList<>(offline);
            more.add(new OfflineMessage(e.stanzaId(), e.at(), e.stanzaXml()));
            return new UserState(exists, credentials, more, roster, blocklist);
        } else if (event instanceof OfflineDelivered e) {
            Set<String> gone = new HashSet<>(e.stanzaIds());
            return new UserState(exists, credentials,
                    offline.stream().filter(m -> !gone.contains(m.stanzaId())).toList(), roster, blocklist);
        }
        Roster next = roster.apply(event);
        Blocklist nextBlocklist = blocklist.apply(event);
        // MessageArchived changes nothing here: the archive is read through its read side.
        return next == roster && nextBlocklist == blocklist ? this
                : new UserState(exists, credentials, offline, next, nextBlocklist);
    }
}
