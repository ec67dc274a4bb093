package im.hearth.actors.feature.last;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.protocol.feature.last.LastActivity;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.time.Duration;

/**
 * The offline user query of XEP-0012 section 4 as a pure function: the server answers for the
 * account, to its owner and to contacts allowed to see its presence (subscription from or both).
 */
public final class LastDecider {

    private LastDecider() {
    }

    public static AccountOutcome decide(LastSeen seen, Roster roster, AccountRequest request) {
        Element iq = request.iq();
        if (!"get".equals(Stanzas.type(iq))) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, "last activity can only be read");
        }
        String asker = request.from().bare().toString();
        if (!request.fromOwner() && !roster.subscription(asker).kind().from()) {
            // Section 4: last activity is presence information; without the right to see the
            // user's presence (RFC 6121 subscription from/both) the answer is forbidden.
            return error(iq, StanzaErrorCondition.FORBIDDEN, "not subscribed to this account's presence");
        }
        if (request.online()) {
            // Section 4: a user with an available resource was last active now.
            return AccountOutcome.reply(Stanzas.iqResult(iq, new LastActivity(0, null).toElement()));
        }
        if (seen.at() == null) {
            return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, "no logout recorded for this account");
        }
        long seconds = Math.max(0, Duration.between(seen.at(), request.now()).toSeconds());
        return AccountOutcome.reply(Stanzas.iqResult(iq, new LastActivity(seconds, seen.status()).toElement()));
    }

    private static AccountOutcome error(Element iq, StanzaErrorCondition condition, String text) {
        return AccountOutcome.reply(Stanzas.errorReply(iq, StanzaError.of(condition, text)));
    }
}
