package im.hearth.actors.feature.time;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.time.EntityTime;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Entity time (XEP-0202) of the server: UTC now and the host's offset from the given clock. No settings. */
public final class TimeFeature implements Feature {
    private final Clock clock;

    public TimeFeature(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "time";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(EntityTime.NAMESPACE);
    }

    @Override
    public Map<String, IqHandler> serverIqHandlers() {
        return Map.of(EntityTime.NAMESPACE, (iq, time) -> {
            if (!"get".equals(Stanzas.type(iq))) {
                return Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST));
            }
            var now = clock.instant();
            return Stanzas.iqResult(iq, new EntityTime(now, clock.getZone().getRules().getOffset(now)).toElement());
        });
    }
}
