package im.hearth.actors.feature.blocking;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.blocking.BlockingPayload;
import java.util.List;
import java.util.Set;

/**
 * XEP-0191 Blocking Command: block, unblock and retrieve the blocklist, with pushes to the
 * sessions that retrieved it; advertised in the server's disco#info (3.1). The list is the
 * {@link Blocklist} in the user's state; the User entity enforces it with {@link BlockingRules}.
 * No settings.
 */
public final class BlockingFeature implements Feature, AccountFeature {

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(BlockingPayload.NAMESPACE);
    }


    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(BlockingPayload.NAMESPACE);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        return BlockingDecider.onIq(state.blocklist(), request);
    }
}
