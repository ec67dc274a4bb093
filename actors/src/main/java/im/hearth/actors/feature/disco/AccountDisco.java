package im.hearth.actors.feature.disco;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.disco.DiscoItems;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Service discovery on an account's bare JID (XEP-0030, answered by the server on the account's
 * behalf, RFC 6120 10.3.3): identity account/registered plus what the account features add (such
 * as pubsub/pep, XEP-0163 section 9), their features, their nodes and their items.
 */
final class AccountDisco {
    private final Supplier<List<AccountFeature>> features;

    AccountDisco(Supplier<List<AccountFeature>> features) {
        this.features = features;
    }

    AccountOutcome answer(UserState state, AccountRequest request) {
        Element iq = request.iq();
        if (!"get".equals(Stanzas.type(iq))) {
            return AccountOutcome.reply(Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
        }
        String node = request.payload().attr("node");
        if (request.payload().is("query", Namespaces.DISCO_ITEMS)) {
            if (node != null) {
                return notFound(iq);
            }
            List<DiscoItems.Item> items = new ArrayList<>();
            features.get().forEach(f -> items.addAll(f.accountDiscoItems(state, request)));
            return AccountOutcome.reply(Stanzas.iqResult(iq, new DiscoItems(null, items).toElement()));
        }
        if (node != null) {
            for (AccountFeature f : features.get()) {
                Optional<DiscoInfo> info = f.accountNodeInfo(state, request, node);
                if (info.isPresent()) {
                    return AccountOutcome.reply(Stanzas.iqResult(iq, info.get().toElement()));
                }
            }
            return notFound(iq);
        }
        List<DiscoInfo.Identity> identities = new ArrayList<>();
        identities.add(new DiscoInfo.Identity("account", "registered", null));
        LinkedHashSet<String> vars = new LinkedHashSet<>(List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS));
        for (AccountFeature f : features.get()) {
            identities.addAll(f.accountIdentities());
            vars.addAll(f.accountDiscoFeatures());
        }
        return AccountOutcome.reply(Stanzas.iqResult(iq, new DiscoInfo(null, identities, List.copyOf(vars)).toElement()));
    }

    private static AccountOutcome notFound(Element iq) {
        return AccountOutcome.reply(Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND)));
    }
}
