package im.hearth.actors.feature.privatexml;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.feature.pep.BookmarksCompat;
import im.hearth.actors.feature.pep.PepSettings;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.privatexml.PrivateQuery;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Private XML storage (XEP-0049), which also carries legacy bookmarks (XEP-0048 version 1.0, no
 * disco feature of its own); with PEP on, those are a view of the XEP-0402 node ({@link BookmarksCompat}). State: {@link PrivateXml} in the user's journal. Settings:
 * {@code hearth.private.*} ({@link PrivateXmlSettings}). XEP-0049 defines no disco feature.
 */
public final class PrivateXmlFeature implements Feature, AccountFeature {
    private final PrivateXmlSettings settings;
    private final PepSettings pep;

    public PrivateXmlFeature(PrivateXmlSettings settings) {
        this(settings, null);
    }

    /** @param pep the PEP settings when PEP is on: bookmarks are then the XEP-0402 node's (XEP-0402 5.3) */
    public PrivateXmlFeature(PrivateXmlSettings settings, PepSettings pep) {
        this.settings = settings;
        this.pep = pep;
    }

    @Override
    public String name() {
        return "private";
    }



    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(PrivateQuery.NAMESPACE);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        AccountOutcome out = PrivateXmlDecider.decide(state.privateXml(), request, settings);
        Element reply = out.effects().stream().filter(e -> e instanceof AccountOutcome.Effect.Reply)
                .map(e -> ((AccountOutcome.Effect.Reply) e).stanza()).findFirst().orElse(null);
        if (pep == null || reply == null || !"result".equals(Stanzas.type(reply))) {
            return out;
        }
        List<Element> bookmarks = PrivateQuery.parse(request.payload()).items().stream()
                .filter(i -> i.is("storage", BookmarksCompat.LEGACY)).toList();
        if (bookmarks.isEmpty()) {
            return out;
        }
        if (!"set".equals(Stanzas.type(request.iq()))) {
            return BookmarksCompat.storage(state.pep(), state.privateXml().get("storage", BookmarksCompat.LEGACY))
                    .map(storage -> AccountOutcome.reply(Stanzas.iqResult(request.iq(),
                            new PrivateQuery(List.of(storage)).toElement())))
                    .orElse(out);
        }
        Optional<AccountOutcome> sync = BookmarksCompat.sync(state.pep(), bookmarks.get(bookmarks.size() - 1),
                request.now(), pep);
        if (sync.isEmpty()) {
            return AccountOutcome.reply(Stanzas.errorReply(request.iq(), StanzaError.of(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "at most " + pep.maxItems() + " bookmarks")));
        }
        return out.andThen(sync.get());
    }
}
