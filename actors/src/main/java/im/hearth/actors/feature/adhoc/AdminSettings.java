package im.hearth.actors.feature.adhoc;

import com.typesafe.config.Config;
import im.hearth.protocol.jid.BareJid;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code hearth.admins}: the bare JIDs allowed to run the XEP-0133 commands. (The server-info
 * features read the same key; the lead may merge the two readers into one.)
 */
public record AdminSettings(Set<BareJid> admins) {

    public static final AdminSettings NONE = new AdminSettings(Set.of());

    public AdminSettings {
        admins = Set.copyOf(admins);
    }

    public static AdminSettings fromConfig(Config root) {
        try {
            return new AdminSettings(root.getStringList("hearth.admins").stream().map(String::trim)
                    .map(BareJid::parse).collect(Collectors.toSet()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad configuration: hearth.admins: " + e.getMessage(), e);
        }
    }

    public boolean isAdmin(BareJid jid) {
        return admins.contains(jid);
    }
}
