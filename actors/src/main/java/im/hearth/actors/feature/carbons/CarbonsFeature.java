package im.hearth.actors.feature.carbons;

import im.hearth.actors.feature.AccountFeature;
import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountOutcome.Effect;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.Feature;
import im.hearth.actors.user.UserState;
import im.hearth.protocol.feature.carbons.Carbons;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * XEP-0280 Message Carbons, sections 3 to 5: advertised in the server's disco#info; a session
 * enables or disables carbons for itself with an IQ set to its account. The flag is a topic of the
 * session in the User entity's memory (nothing is stored: a new stream starts without carbons).
 * Enabling twice, or disabling twice, is no error (section 10.1). No settings.
 */
public final class CarbonsFeature implements Feature, AccountFeature {

    /** The session topic that marks a carbons-enabled session. */
    public static final String TOPIC = Carbons.NAMESPACE;

    @Override
    public String name() {
        return "carbons";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(Carbons.NAMESPACE);
    }

    @Override
    public Set<String> accountIqNamespaces() {
        return Set.of(Carbons.NAMESPACE);
    }

    @Override
    public AccountOutcome handleIq(UserState state, AccountRequest request) {
        if (!request.fromOwner()) {
            // Sections 4.1 and 5.1: nobody enables or disables carbons for someone else's sessions.
            return AccountOutcome.reply(Stanzas.errorReply(request.iq(), StanzaError.of(StanzaErrorCondition.NOT_ALLOWED)));
        }
        Optional<Carbons.Request> parsed = Carbons.parse(request.payload());
        if (parsed.isEmpty() || !"set".equals(Stanzas.type(request.iq()))) {
            return AccountOutcome.reply(Stanzas.errorReply(request.iq(), StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
        }
        Effect flag = parsed.get() == Carbons.Request.ENABLE ? new Effect.Interested(TOPIC) : new Effect.NotInterested(TOPIC);
        return AccountOutcome.of(List.of(), new Effect.Reply(Stanzas.iqResult(request.iq(), null)), flag);
    }
}
