package im.hearth.actors.feature.adhoc;

import im.hearth.protocol.jid.BareJid;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bare JIDs allowed to run the XEP-0133 commands: {@code hearth.admins}, read (and checked)
 * once by {@code HearthSettings}.
 */
public record AdminSettings(Set<BareJid> admins) {

    public static final AdminSettings NONE = new AdminSettings(Set.of());

    public AdminSettings {
        admins = Set.copyOf(admins);
    }

    public static AdminSettings of(Collection<String> bareJids) {
        return new AdminSettings(bareJids.stream().map(BareJid::parse).collect(Collectors.toSet()));
    }

    public boolean isAdmin(BareJid jid) {
        return admins.contains(jid);
    }
}
