package im.hearth.actors.feature.disco;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * disco#info on an account's bare JID (XEP-0030 section 3.1; RFC 6121 8.5.2.1.3: the server
 * answers for the account), where clients look for what the account supports, such as MAM
 * (XEP-0313 section 7): the identity account/registered and every account feature's
 * {@link AccountFeature#accountDiscoFeatures()}. Built by the catalogue from the enabled features.
 */
public final class AccountDisco implements AccountFeature {
    static final DiscoInfo.Identity IDENTITY = new DiscoInfo.Identity("account", "registered", null);

    private final List<String> features;

    public AccountDisco(List<AccountFeature> accountFeatures) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(Namespaces.DISCO_INFO);
        accountFeatures.forEach(f -> all.addAll(f.accountDiscoFeatures()));
        this.features = List.copyOf(new ArrayList<>(all));
    }

    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(Namespaces.DISCO_INFO);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest r) {
        if (!"get".equals(Stanzas.type(r.iq())) || !r.payload().is("query", Namespaces.DISCO_INFO)) {
            return AccountOutcome.reply(Stanzas.errorReply(r.iq(), StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
        }
        if (!state.exists()) {
            // RFC 6121 8.5.1: no such account.
            return AccountOutcome.reply(Stanzas.errorReply(r.iq(), StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
        }
        if (r.payload().attr("node") != null) {
            return AccountOutcome.reply(Stanzas.errorReply(r.iq(), StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND)));
        }
        return AccountOutcome.reply(Stanzas.iqResult(r.iq(),
                new DiscoInfo(null, List.of(IDENTITY), features).toElement()));
    }
}
