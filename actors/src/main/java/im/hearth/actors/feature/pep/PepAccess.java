package im.hearth.actors.feature.pep;

import im.hearth.actors.feature.roster.Roster;

/**
 * Who may read a PEP node (XEP-0060 4.5, XEP-0163 section 3): the owner always; under
 * {@code presence} contacts with a subscription from the owner ('from' or 'both'); under
 * {@code open} anyone; under {@code whitelist} the owner only (private data such as bookmarks).
 */
public final class PepAccess {

    private PepAccess() {
    }

    public static boolean mayRead(String accessModel, String owner, Roster roster, String askerBare) {
        if (owner.equals(askerBare)) {
            return true;
        }
        if (NodeConfig.OPEN.equals(accessModel)) {
            return true;
        }
        if (NodeConfig.PRESENCE.equals(accessModel)) {
            return roster.subscription(askerBare).kind().from();
        }
        return false;
    }
}
