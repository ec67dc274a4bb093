package im.hearth.actors.feature.blocking;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountOutcome.Effect;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.blocking.BlocklistCleared;
import im.hearth.persistence.event.user.blocking.JidsBlocked;
import im.hearth.persistence.event.user.blocking.JidsUnblocked;
import im.hearth.protocol.feature.blocking.BlockingPayload;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The blocklist IQs (XEP-0191 sections 3.2 to 3.5) as a pure function: retrieval (which makes the
 * asking session interested in pushes), block, unblock and unblock-all, each with the events to
 * persist, the result, and the push to every interested session.
 */
public final class BlockingDecider {

    private BlockingDecider() {
    }

    public static AccountOutcome onIq(Blocklist list, AccountRequest request) {
        Element iq = request.iq();
        if (!request.fromOwner()) {
            // Only the account's own sessions manage its blocklist; to others it does not exist.
            return error(iq, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        Optional<BlockingPayload> parsed = BlockingPayload.parse(request.payload());
        if (parsed.isEmpty()) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST);
        }
        BlockingPayload payload = parsed.get();
        boolean get = "get".equals(Stanzas.type(iq));
        if (get != (payload.kind() == BlockingPayload.Kind.BLOCKLIST)) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST); // 3.2: the list is read with get, changed with set
        }
        if (get) {
            return AccountOutcome.of(List.of(),
                    new Effect.Reply(Stanzas.iqResult(iq, BlockingPayload.blocklist(list.jids()).toElement())),
                    new Effect.Interested(BlockingPayload.NAMESPACE));
        }
        if (payload.kind() == BlockingPayload.Kind.BLOCK && payload.jids().isEmpty()) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST); // 3.3: a block names at least one JID
        }
        List<String> jids = new ArrayList<>();
        for (String raw : payload.jids()) {
            Optional<Jid> jid = Jid.tryParse(raw);
            if (jid.isEmpty()) {
                return error(iq, StanzaErrorCondition.JID_MALFORMED); // 3.3, 3.4
            }
            jids.add(jid.get().toString());
        }
        return payload.kind() == BlockingPayload.Kind.BLOCK ? block(list, iq, request, jids) : unblock(list, iq, request, jids);
    }

    private static AccountOutcome block(Blocklist list, Element iq, AccountRequest request, List<String> jids) {
        List<String> added = new LinkedHashSet<>(jids).stream().filter(j -> !list.contains(j)).toList();
        if (added.isEmpty()) {
            return AccountOutcome.reply(Stanzas.iqResult(iq, null));
        }
        return changed(iq, new JidsBlocked(added, request.now()), BlockingPayload.block(added));
    }

    private static AccountOutcome unblock(Blocklist list, Element iq, AccountRequest request, List<String> jids) {
        if (jids.isEmpty()) {
            if (list.isEmpty()) {
                return AccountOutcome.reply(Stanzas.iqResult(iq, null));
            }
            return changed(iq, new BlocklistCleared(request.now()), BlockingPayload.unblock(List.of())); // 3.5
        }
        // 3.4: unblocking a JID that is not blocked is not an error; only what was blocked is pushed.
        List<String> removed = new LinkedHashSet<>(jids).stream().filter(list::contains).toList();
        if (removed.isEmpty()) {
            return AccountOutcome.reply(Stanzas.iqResult(iq, null));
        }
        return changed(iq, new JidsUnblocked(removed, request.now()), BlockingPayload.unblock(removed));
    }

    private static AccountOutcome changed(Element iq, UserEvent event, BlockingPayload push) {
        // The push is an IQ set from the account itself, so without 'from' (like a roster push);
        // its id derives from the request's, so the decision stays a pure function.
        Element pushIq = Element.builder("iq", Namespaces.CLIENT).attr("type", "set")
                .attr("id", "block-push-" + Stanzas.id(iq)).child(push.toElement()).build();
        return AccountOutcome.of(List.of(event), new Effect.Reply(Stanzas.iqResult(iq, null)),
                new Effect.ToInterestedSessions(BlockingPayload.NAMESPACE, pushIq));
    }

    private static AccountOutcome error(Element iq, StanzaErrorCondition condition) {
        return AccountOutcome.reply(Stanzas.errorReply(iq, StanzaError.of(condition)));
    }
}
