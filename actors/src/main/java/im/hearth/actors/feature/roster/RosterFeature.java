package im.hearth.actors.feature.roster;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.roster.RosterQuery;
import im.hearth.protocol.xml.Element;
import java.util.List;

/**
 * The roster and presence subscriptions (RFC 6121 sections 2 to 4) with roster versioning
 * (XEP-0237, announced as a stream feature). The roster lives in the User entity's state
 * ({@link Roster}); its IQs are addressed to the account, so there is no server-level handler.
 * No settings.
 */
public final class RosterFeature implements Feature {

    @Override
    public String name() {
        return "roster";
    }



    @Override
    public List<Element> streamFeatures() {
        return List.of(Element.of("ver", RosterQuery.VERSIONING_NAMESPACE));
    }
}
