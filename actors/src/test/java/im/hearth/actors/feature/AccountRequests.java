package im.hearth.actors.feature;

import im.hearth.actors.feature.AccountOutcome.Effect;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.time.Instant;
import java.util.Optional;

/** Builds the requests an account feature's decider sees, and reads what it answered (tests only). */
public final class AccountRequests {
    public static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private AccountRequests() {
    }

    /** An IQ of this type with this payload, from {@code from} (a full JID) to {@code account}'s bare JID. */
    public static AccountRequest request(String account, String from, String type, String payloadXml) {
        Element payload = XmlReader.parse(payloadXml);
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("from", from).attr("to", account)
                .attr("id", "q1").attr("type", type).child(payload).build();
        return new AccountRequest(BareJid.parse(account), Jid.parse(from), iq, payload, NOW);
    }

    /** The one reply the outcome sends. */
    public static Element reply(AccountOutcome outcome) {
        return outcome.effects().stream().filter(e -> e instanceof Effect.Reply).map(e -> ((Effect.Reply) e).stanza())
                .findFirst().orElseThrow();
    }

    /** The defined condition of an error reply, if the reply is an error. */
    public static Optional<String> errorCondition(AccountOutcome outcome) {
        Element reply = reply(outcome);
        if (!"error".equals(reply.attr("type"))) {
            return Optional.empty();
        }
        return reply.child("error", Namespaces.CLIENT).flatMap(e -> e.firstChild(Namespaces.STANZA_ERRORS))
                .map(Element::name);
    }
}
