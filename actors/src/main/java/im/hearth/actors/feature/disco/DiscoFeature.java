package im.hearth.actors.feature.disco;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.feature.disco.DiscoItems;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Service discovery for the server itself (XEP-0030): disco#info answers the server identity
 * (category server, type im) and every feature in the catalogue; disco#items lists the server's
 * components (none yet). Unknown nodes get item-not-found (XEP-0030 section 3.2). No settings.
 */
public final class DiscoFeature implements Feature {
    private final Supplier<List<String>> features;

    public DiscoFeature(Supplier<List<String>> features) {
        this.features = features;
    }

    @Override
    public String name() {
        return "disco";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS);
    }

    @Override
    public Map<String, IqHandler> serverIqHandlers() {
        return Map.of(Namespaces.DISCO_INFO, this::info, Namespaces.DISCO_ITEMS, this::items);
    }

    private Element info(Element iq, Element query) {
        if (!"get".equals(Stanzas.type(iq))) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST));
        }
        if (query.attr("node") != null) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        DiscoInfo info = new DiscoInfo(null, List.of(new DiscoInfo.Identity("server", "im", "Hearth")), features.get());
        return Stanzas.iqResult(iq, info.toElement());
    }

    private Element items(Element iq, Element query) {
        if (!"get".equals(Stanzas.type(iq))) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST));
        }
        if (query.attr("node") != null) {
            return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        return Stanzas.iqResult(iq, new DiscoItems(null, List.of()).toElement());
    }
}
