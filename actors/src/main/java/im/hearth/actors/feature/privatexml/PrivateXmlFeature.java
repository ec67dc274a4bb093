package im.hearth.actors.feature.privatexml;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.privatexml.PrivateQuery;
import java.util.List;
import java.util.Set;

/**
 * Private XML storage (XEP-0049), which also carries legacy bookmarks (XEP-0048 version 1.0, no
 * disco feature of its own). State: {@link PrivateXml} in the user's journal. Settings:
 * {@code hearth.private.*} ({@link PrivateXmlSettings}). XEP-0049 defines no disco feature.
 */
public final class PrivateXmlFeature implements Feature, AccountFeature {
    private final PrivateXmlSettings settings;

    public PrivateXmlFeature(PrivateXmlSettings settings) {
        this.settings = settings;
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
        return PrivateXmlDecider.decide(state.privateXml(), request, settings);
    }
}
