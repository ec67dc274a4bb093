package im.hearth.actors.feature.mam;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.persistence.event.user.mam.ArchivePrefsSet;
import im.hearth.persistence.projection.archive.ArchiveReader;
import im.hearth.protocol.feature.mam.MamPrefs;
import im.hearth.protocol.feature.mam.MamQuery;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * XEP-0313 Message Archive Management on the account's bare JID: the query form (4.1.5), queries
 * with XEP-0059 paging answered from the archive read side ({@link MamQueries}), and the
 * XEP-0441 preferences kept as {@link ArchivePrefs} in the user's state. Only the account's own
 * sessions may use it. Settings: {@code hearth.archive} ({@link MamSettings}).
 */
public final class MamFeature implements Feature, AccountFeature {
    private final MamQueries queries;

    public MamFeature(MamSettings settings, ArchiveReader reader) {
        this.queries = new MamQueries(settings, reader);
    }

    @Override
    public String name() {
        return "mam";
    }

    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(MamQuery.NAMESPACE);
    }

    @Override
    public List<String> accountDiscoFeatures() {
        return List.of(MamQuery.NAMESPACE, MamQuery.EXTENDED);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest r) {
        if (!r.fromOwner()) {
            // A user archive is its owner's only (XEP-0313 section 5.1.1).
            return error(r, StanzaErrorCondition.FORBIDDEN);
        }
        boolean set = "set".equals(Stanzas.type(r.iq()));
        if (r.payload().is("query", MamQuery.NAMESPACE)) {
            return set ? queries.query(r) : AccountOutcome.reply(Stanzas.iqResult(r.iq(), MamQuery.formTemplate()));
        }
        if (r.payload().is("prefs", MamQuery.NAMESPACE)) {
            return set ? setPrefs(r) : AccountOutcome.reply(Stanzas.iqResult(r.iq(), state.archivePrefs().toPayload().toElement()));
        }
        return error(r, StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED);
    }

    /** XEP-0441 section 3: the new preferences replace the old ones, and the result repeats them. */
    private static AccountOutcome setPrefs(AccountRequest r) {
        Optional<MamPrefs> prefs = MamPrefs.parse(r.payload());
        if (prefs.isEmpty()) {
            return error(r, StanzaErrorCondition.BAD_REQUEST);
        }
        List<String> always = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (String j : prefs.get().always()) {
            Optional<Jid> jid = Jid.tryParse(j);
            if (jid.isEmpty()) {
                return error(r, StanzaErrorCondition.JID_MALFORMED);
            }
            always.add(jid.get().bare().toString());
        }
        for (String j : prefs.get().never()) {
            Optional<Jid> jid = Jid.tryParse(j);
            if (jid.isEmpty()) {
                return error(r, StanzaErrorCondition.JID_MALFORMED);
            }
            never.add(jid.get().bare().toString());
        }
        MamPrefs stored = new MamPrefs(prefs.get().defaultBehaviour(), always.stream().distinct().toList(),
                never.stream().distinct().toList());
        return AccountOutcome.of(List.of(new ArchivePrefsSet(stored.defaultBehaviour().value(), stored.always(),
                        stored.never(), r.now())),
                new AccountOutcome.Effect.Reply(Stanzas.iqResult(r.iq(), stored.toElement())));
    }

    static AccountOutcome error(AccountRequest r, StanzaErrorCondition condition) {
        return AccountOutcome.reply(Stanzas.errorReply(r.iq(), StanzaError.of(condition)));
    }
}
