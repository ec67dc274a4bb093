package im.hearth.actors.feature;

import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.feature.adhoc.AdHocFeature;
import im.hearth.actors.feature.blocking.BlockingFeature;
import im.hearth.actors.feature.disco.DiscoFeature;
import im.hearth.actors.feature.ping.PingFeature;
import im.hearth.actors.feature.privatexml.PrivateXmlFeature;
import im.hearth.actors.feature.roster.RosterFeature;
import im.hearth.actors.feature.vcard.VCardFeature;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaKind;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every feature the server has, in one list read top to bottom, and the one place that answers
 * stanzas addressed to a hosted domain itself. An IQ request nobody handles gets
 * service-unavailable (RFC 6120 8.4); results and errors nobody asked for are dropped.
 */
public final class FeatureCatalogue {
    private final List<Feature> features;
    private final Map<String, Feature.IqHandler> iqHandlers = new HashMap<>();

    public FeatureCatalogue(HearthSettings settings) {
        List<Feature> list = new ArrayList<>();
        list.add(new DiscoFeature(this::discoFeatures));
        list.add(new PingFeature());
        list.add(new RosterFeature());
        list.add(new VCardFeature(settings.vcard()));
        list.add(new PrivateXmlFeature(settings.privateXml()));
        list.add(new AdHocFeature());
        list.add(new BlockingFeature());
        this.features = List.copyOf(list);
        for (Feature f : features) {
            f.serverIqHandlers().forEach((ns, h) -> {
                if (iqHandlers.putIfAbsent(ns, h) != null) {
                    throw new IllegalStateException("two features answer " + ns);
                }
            });
        }
    }

    public List<Feature> features() {
        return features;
    }

    /** The features of the server's disco#info, without duplicates, in catalogue order. */
    public List<String> discoFeatures() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (Feature f : features) {
            all.addAll(f.discoFeatures());
        }
        return List.copyOf(all);
    }

    /** The features whose state lives in the user's journal, in catalogue order. */
    public List<AccountFeature> accountFeatures() {
        List<AccountFeature> out = new ArrayList<>();
        for (Feature f : features) {
            if (f instanceof AccountFeature a) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** Every feature's post-authentication stream features, in catalogue order. */
    public List<Element> streamFeatures() {
        List<Element> all = new ArrayList<>();
        for (Feature f : features) {
            all.addAll(f.streamFeatures());
        }
        return List.copyOf(all);
    }

    /** Handles a stanza addressed to a hosted domain; returns the reply to route back, if any. */
    public Optional<Element> handleServerStanza(Element stanza) {
        if (Stanzas.kind(stanza) != StanzaKind.IQ) {
            return Optional.empty(); // messages and presence to the server itself: nothing to do yet
        }
        String type = Stanzas.type(stanza);
        if (!"get".equals(type) && !"set".equals(type)) {
            return Optional.empty();
        }
        List<Element> payloads = stanza.elements();
        if (payloads.size() != 1) {
            // RFC 6120 8.2.3: a get or set has exactly one payload.
            return Optional.of(Stanzas.errorReply(stanza, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
        }
        Element payload = payloads.get(0);
        Feature.IqHandler handler = iqHandlers.get(payload.namespace());
        if (handler == null) {
            return Optional.of(Stanzas.errorReply(stanza, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)));
        }
        return Optional.of(handler.handle(stanza, payload));
    }
}
