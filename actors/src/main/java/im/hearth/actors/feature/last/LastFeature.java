package im.hearth.actors.feature.last;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.last.LastActivity;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Last activity (XEP-0012): a query to the server's domain answers the node's uptime (section 5);
 * a query to an account's bare JID answers the seconds since its last logout, for the account
 * (section 4, {@link LastDecider}). State: {@link LastSeen} in the user's journal. No settings.
 */
public final class LastFeature implements Feature, AccountFeature {
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

    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(LastActivity.NAMESPACE);
    }

    @Override
    public List<String> accountDiscoFeatures() {
        return List.of(LastActivity.NAMESPACE);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        return LastDecider.decide(state.lastSeen(), state.roster(), request);
    }
}
