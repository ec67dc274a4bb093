package im.hearth.actors.feature.welcome;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Welcome message (Prosody's mod_welcome): every new account gets {@code hearth.welcome-message}
 * from its domain as a normal message; with no session yet it waits in the offline store
 * (XEP-0160) and arrives at the first login. Off when the message is empty.
 */
public final class WelcomeFeature implements Feature {
    private final AtomicReference<String> text;

    public WelcomeFeature(String text) {
        this(new AtomicReference<>(text));
    }

    /**
     * @param text the current text, which the XEP-0133 commands change at run time (on this node,
     *             until restart); starts as {@code hearth.welcome-message}
     */
    public WelcomeFeature(AtomicReference<String> text) {
        this.text = text;
    }

    @Override
    public String name() {
        return "welcome";
    }



    @Override
    public List<Element> onAccountCreated(BareJid account) {
        String text = this.text.get();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(Element.builder("message", Namespaces.CLIENT).attr("from", account.domain())
                .attr("to", account.toString()).attr("type", "normal")
                .textChild("body", Namespaces.CLIENT, text).build());
    }
}
