package im.hearth.actors.feature.push;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.push.PushDisabled;
import im.hearth.persistence.event.user.push.PushEnabled;
import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.push.PushPayload;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The push IQs (XEP-0357 sections 5 and 6) as a pure function: enable registers the asking
 * session's device (replacing a registration of the same JID and node, and giving way with the
 * oldest one past the limit), disable removes one node or every node of an app server.
 */
public final class PushDecider {

    private PushDecider() {
    }

    public static AccountOutcome onIq(PushRegistrations state, AccountRequest request, int maxDevices) {
        Element iq = request.iq();
        if (!request.fromOwner() || request.from().resource() == null) {
            // Only the account's own sessions register their devices.
            return error(iq, StanzaErrorCondition.FORBIDDEN);
        }
        if (!"set".equals(Stanzas.type(iq))) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST);
        }
        Optional<PushPayload.Request> parsed = PushPayload.parse(request.payload());
        if (parsed.isEmpty()) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST); // no jid, no node to enable, or a foreign form
        }
        String rawJid = parsed.get() instanceof PushPayload.Enable e ? e.jid() : ((PushPayload.Disable) parsed.get()).jid();
        Optional<Jid> appServer = Jid.tryParse(rawJid);
        if (appServer.isEmpty()) {
            return error(iq, StanzaErrorCondition.JID_MALFORMED);
        }
        String jid = appServer.get().toString();
        Element ok = Stanzas.iqResult(iq, null);
        if (parsed.get() instanceof PushPayload.Disable d) {
            if (!state.any(jid, d.node())) {
                return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND);
            }
            return AccountOutcome.of(List.of(new PushDisabled(jid, d.node(), "disabled", request.now())),
                    new AccountOutcome.Effect.Reply(ok));
        }
        PushPayload.Enable enable = (PushPayload.Enable) parsed.get();
        List<UserEvent> events = new ArrayList<>();
        List<PushRegistrations.Registration> others = state.registrations().stream()
                .filter(r -> !r.matches(jid, enable.node())).toList();
        for (int i = 0; i <= others.size() - maxDevices; i++) {
            PushRegistrations.Registration oldest = others.get(i);
            events.add(new PushDisabled(oldest.jid(), oldest.node(), "too-many-devices", request.now()));
        }
        List<PushEnabled.Option> options = enable.publishOptions().map(PushDecider::options).orElse(List.of());
        events.add(new PushEnabled(request.from().resource(), jid, enable.node(), options, request.now()));
        return AccountOutcome.of(events, new AccountOutcome.Effect.Reply(ok));
    }

    private static List<PushEnabled.Option> options(DataForm form) {
        return form.fields().stream().filter(f -> f.var() != null)
                .map(f -> new PushEnabled.Option(f.var(), f.values())).toList();
    }

    private static AccountOutcome error(Element iq, StanzaErrorCondition condition) {
        return AccountOutcome.reply(Stanzas.errorReply(iq, StanzaError.of(condition)));
    }
}
