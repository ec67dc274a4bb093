package im.hearth.actors.feature.disco;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.disco.DiscoItems;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Service discovery for the server itself (XEP-0030): disco#info answers the server identity
 * (category server, type im), every enabled feature of the catalogue and their extended forms
 * (XEP-0128); disco#items lists the server's
 * components (none yet). Unknown nodes get item-not-found (XEP-0030 section 3.2). On an
 * account's bare JID it answers for the account ({@link AccountDisco}). No settings.
 */
public final class DiscoFeature implements Feature, AccountFeature {
    private final Supplier<DiscoInfo> info;
    private final Predicate<String> knownNode;
    private final AccountDisco account;

    /**
     * @param info      the server's disco#info (identity, features, extended forms)
     * @param knownNode nodes answered with the same info (the caps node#ver, XEP-0115 6.2)
     */
    public DiscoFeature(Supplier<DiscoInfo> info, Predicate<String> knownNode) {
        this(info, knownNode, List::of);
    }

    /** @param accountFeatures the features whose identities, features, nodes and items an account shows */
    public DiscoFeature(Supplier<DiscoInfo> info, Predicate<String> knownNode,
                        Supplier<List<AccountFeature>> accountFeatures) {
        this.info = info;
        this.knownNode = knownNode;
        this.account = new AccountDisco(accountFeatures);
    }

    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        if (Stanzas.to(request.iq()) == null) {
            // No 'to' from the owner's stream: the server itself is asked, as before accounts answered.
            Element iq = request.iq();
            Element payload = request.payload();
            return AccountOutcome.reply(payload.is("query", Namespaces.DISCO_INFO) ? info(iq, payload) : items(iq, payload));
        }
        return account.answer(state, request);
    }

    @Override
    public String name() {
        return "disco";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS);
    }

    @Override
    public Map<String, IqHandler> serverIqHandlers() {
        return Map.of(Namespaces.DISCO_INFO, this::info, Namespaces.DISCO_ITEMS, this::items);
    }

    private Element info(Element iq, Element query) {
        if (!"get".equals(Stanzas.type(iq))) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST));
        }
        String node = query.attr("node");
        if (node != null && !knownNode.test(node)) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        DiscoInfo server = info.get();
        return Stanzas.iqResult(iq, new DiscoInfo(node, server.identities(), server.features(), server.extensions()).toElement());
    }

    private Element items(Element iq, Element query) {
        if (!"get".equals(Stanzas.type(iq))) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST));
        }
        if (query.attr("node") != null) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        return Stanzas.iqResult(iq, new DiscoItems(null, List.of()).toElement());
    }
}
