package im.hearth.actors.feature.ping;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.Map;

/** XMPP Ping (XEP-0199 section 4.2, client to server): a get with {@code <ping/>} is answered with an empty result. No state, no settings. */
public final class PingFeature implements Feature {

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(Namespaces.PING);
    }

    @Override
    public Map<String, IqHandler> serverIqHandlers() {
        return Map.of(Namespaces.PING, (iq, ping) -> "get".equals(Stanzas.type(iq))
                ? Stanzas.iqResult(iq, null)
                : Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
    }
}
