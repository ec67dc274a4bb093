package im.hearth.actors.feature.watchregistrations;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.List;

/**
 * Watch registrations (Prosody's mod_watchregistrations): when {@code hearth.watch-registrations}
 * is on, each of {@code hearth.admins} gets a chat message from the new account's domain naming
 * it (stored offline when the admin is not online).
 */
public final class WatchRegistrationsFeature implements Feature {
    private final boolean on;
    private final List<String> admins;

    public WatchRegistrationsFeature(boolean on, List<String> admins) {
        this.on = on;
        this.admins = List.copyOf(admins);
    }

    @Override
    public String name() {
        return "watch-registrations";
    }



    @Override
    public List<Element> onAccountCreated(BareJid account) {
        if (!on) {
            return List.of();
        }
        List<Element> out = new ArrayList<>();
        for (String admin : admins) {
            out.add(Element.builder("message", Namespaces.CLIENT).attr("from", account.domain())
                    .attr("to", admin).attr("type", "chat")
                    .textChild("body", Namespaces.CLIENT, "New account: " + account).build());
        }
        return out;
    }
}
