package im.hearth.actors.feature.adhoc;

import im.hearth.actors.feature.Feature;
import java.util.List;

/**
 * Advertises ad-hoc commands (XEP-0050) in the server's disco#info. The commands themselves are
 * answered in the client's session by {@link AdHocCommands}, which needs the requester's JID and
 * answers asynchronously (account changes), neither of which a server IQ handler offers yet.
 */
public final class AdHocFeature implements Feature {

    @Override
    public String name() {
        return "adhoc";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(AdHocCommands.NAMESPACE);
    }

}
