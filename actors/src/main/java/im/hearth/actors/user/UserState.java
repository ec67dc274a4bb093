package im.hearth.actors.user;

import im.hearth.actors.feature.blocking.Blocklist;
import im.hearth.actors.feature.last.LastSeen;
import im.hearth.actors.feature.pep.Pep;
import im.hearth.actors.feature.mam.ArchivePrefs;
import im.hearth.actors.feature.privatexml.PrivateXml;
import im.hearth.actors.feature.push.PushRegistrations;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.actors.feature.vcard.VCards;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.AccountRemoved;
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
 * offline storage, and one sub-state per account feature (the roster with its subscriptions,
 * vCards, private XML, the blocklist, the last logout, the push registrations, the PEP nodes, the
 * archiving preferences). Archived messages are not kept here (they are read back
 * through the archive). It is also the snapshot, so its shape is part of the stored contract: a
 * feature's field that an older snapshot lacks reads as that feature's empty state.
 */
public record UserState(boolean exists, List<StoredCredential> credentials, List<OfflineMessage> offline,
                        Roster roster, VCards vcards, PrivateXml privateXml, Blocklist blocklist, LastSeen lastSeen,
                        PushRegistrations push, Pep pep, ArchivePrefs archivePrefs)
        implements StoredData {

    /** A message kept for the next available session, in its serialized form. */
    public record OfflineMessage(String stanzaId, Instant at, String stanzaXml) {
    }

    public static final UserState EMPTY = new UserState(false, List.of(), List.of(), Roster.EMPTY, VCards.EMPTY,
            PrivateXml.EMPTY, Blocklist.EMPTY, LastSeen.EMPTY, PushRegistrations.EMPTY, Pep.EMPTY, ArchivePrefs.EMPTY);

    public UserState {
        credentials = List.copyOf(credentials);
        offline = List.copyOf(offline);
        roster = roster == null ? Roster.EMPTY : roster;
        vcards = vcards == null ? VCards.EMPTY : vcards;
        privateXml = privateXml == null ? PrivateXml.EMPTY : privateXml;
        blocklist = blocklist == null ? Blocklist.EMPTY : blocklist;
        lastSeen = lastSeen == null ? LastSeen.EMPTY : lastSeen;
        push = push == null ? PushRegistrations.EMPTY : push;
        pep = pep == null ? Pep.EMPTY : pep;
        archivePrefs = archivePrefs == null ? ArchivePrefs.EMPTY : archivePrefs;
    }

    public UserState apply(UserEvent event) {
        if (event instanceof AccountRemoved) {
            // The tombstone: nothing of the old account survives, so the JID can be registered afresh.
            return EMPTY;
        } else if (event instanceof AccountCreated e) {
            return new UserState(true, e.credentials(), List.of(), Roster.EMPTY, VCards.EMPTY, PrivateXml.EMPTY,
                    Blocklist.EMPTY, LastSeen.EMPTY, PushRegistrations.EMPTY, Pep.EMPTY, ArchivePrefs.EMPTY);
        } else if (event instanceof CredentialsChanged e) {
            return new UserState(exists, e.credentials(), offline, roster, vcards, privateXml, blocklist, lastSeen, push, pep,
                    archivePrefs);
        } else if (event instanceof StoredOffline e) {
            List<OfflineMessage> more = new ArrayList<>(offline);
            more.add(new OfflineMessage(e.stanzaId(), e.at(), e.stanzaXml()));
            return withOffline(more);
        } else if (event instanceof OfflineDelivered e) {
            Set<String> gone = new HashSet<>(e.stanzaIds());
            return withOffline(offline.stream().filter(m -> !gone.contains(m.stanzaId())).toList());
        }
        // Each feature evolves its own part; MessageArchived changes nothing here (the archive is
        // read through its read side).
        Roster r = roster.apply(event);
        VCards v = vcards.apply(event);
        PrivateXml p = privateXml.apply(event);
        Blocklist b = blocklist.apply(event);
        LastSeen l = lastSeen.apply(event);
        PushRegistrations n = push.apply(event);
        Pep pe = pep.apply(event);
        ArchivePrefs a = archivePrefs.apply(event);
        if (r == roster && v == vcards && p == privateXml && b == blocklist && l == lastSeen && n == push && pe == pep
                && a == archivePrefs) {
            return this;
        }
        return new UserState(exists, credentials, offline, r, v, p, b, l, n, pe, a);
    }

    private UserState withOffline(List<OfflineMessage> messages) {
        return new UserState(exists, credentials, messages, roster, vcards, privateXml, blocklist, lastSeen, push, pep,
                archivePrefs);
    }
}
