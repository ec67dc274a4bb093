package im.hearth.actors.feature;

import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.disco.DiscoItems;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A feature whose state lives in the user's journal and that answers IQs addressed to an account
 * (RFC 6120 10.3.3 and RFC 6121 8.5.2.1.3: the server answers on the account's behalf), such as
 * vCards or private XML. It decides only (a pure function of the state and the request); the
 * User entity persists the events, then sends the effects. Its sub-state is a field of
 * {@link UserState} that evolves from its events. A feature class implements both this and
 * {@link Feature}, and is registered once in {@link FeatureCatalogue}.
 */
public interface AccountFeature {

    /** Payload namespaces of the IQs to an account that this feature answers. */
    Set<String> accountIqNamespaces();

    /** Decides on one IQ get or set addressed to the account, by its owner or by someone else. */
    AccountOutcome handleIq(UserState state, AccountRequest request);

    /** Features an account advertises in disco#info on its bare JID (XEP-0030). */
    default List<String> accountDiscoFeatures() {
        return List.of();
    }

    /** Identities an account adds to its disco#info (XEP-0030), e.g. pubsub/pep (XEP-0163 section 9). */
    default List<DiscoInfo.Identity> accountIdentities() {
        return List.of();
    }

    /** The disco#info of a node on the account's bare JID, as the asker may see it; empty if not this feature's. */
    default Optional<DiscoInfo> accountNodeInfo(UserState state, AccountRequest request, String node) {
        return Optional.empty();
    }

    /** Items of the account's disco#items (XEP-0030 section 4), as the asker may see them. */
    default List<DiscoItems.Item> accountDiscoItems(UserState state, AccountRequest request) {
        return List.of();
    }
}
