package im.hearth.actors.feature.last;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.last.LastActivity;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Last activity (XEP-0012 section 5): a query to the server's domain answers the node's uptime in
 * seconds. The per-account form (section 3, time since the last logout) is not built yet: it needs
 * the logout time in the user's journal. No settings.
 */
public final class LastFeature implements Feature {
    private final Clock clock;
    private final Instant started;

    public LastFeature(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public String name() {
        return "last";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(LastActivity.NAMESPACE);
    }

    @Override
    public Map<String, IqHandler> serverIqHandlers() {
        return Map.of(LastActivity.NAMESPACE, (iq, query) -> "get".equals(Stanzas.type(iq))
                ? Stanzas.iqResult(iq, new LastActivity(Duration.between(started, clock.instant()).toSeconds(), null).toElement())
                : Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
    }
}
