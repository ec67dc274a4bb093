package im.hearth.actors.feature.motd;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.jid.FullJid;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Message of the day (Prosody's mod_motd): {@code hearth.motd} is sent from the domain to each
 * session when it sends its initial presence (RFC 6121 4.2), straight to that session: it is not
 * archived nor stored offline. Off when empty.
 */
public final class MotdFeature implements Feature {
    private final AtomicReference<String> text;

    public MotdFeature(String text) {
        this(new AtomicReference<>(text));
    }

    /**
     * @param text the current text, which the XEP-0133 commands change at run time (on this node,
     *             until restart); starts as {@code hearth.motd}
     */
    public MotdFeature(AtomicReference<String> text) {
        this.text = text;
    }

    @Override
    public String name() {
        return "motd";
    }



    @Override
    public List<Element> onInitialPresence(FullJid session) {
        String text = this.text.get();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(Element.builder("message", Namespaces.CLIENT).attr("from", session.domain())
                .attr("to", session.toString()).attr("type", "headline")
                .textChild("body", Namespaces.CLIENT, text).build());
    }
}
