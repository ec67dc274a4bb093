package im.hearth.actors.feature.privatexml;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.privatexml.PrivateXmlStored;
import im.hearth.protocol.feature.privatexml.PrivateQuery;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Private XML get and set (XEP-0049 sections 2 and 3) as a pure function of the stored elements. */
public final class PrivateXmlDecider {

    private PrivateXmlDecider() {
    }

    public static AccountOutcome decide(PrivateXml state, AccountRequest request, PrivateXmlSettings settings) {
        Element iq = request.iq();
        if (!request.fromOwner()) {
            // Section 3: forbidden is preferred to service-unavailable for another user's data.
            return error(iq, StanzaErrorCondition.FORBIDDEN, null);
        }
        if (!request.payload().is("query", PrivateQuery.NAMESPACE)) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, null);
        }
        PrivateQuery query = PrivateQuery.parse(request.payload());
        return "set".equals(Stanzas.type(iq)) ? set(state, request, query, settings) : get(state, iq, query);
    }

    private static AccountOutcome get(PrivateXml state, Element iq, PrivateQuery query) {
        if (query.items().size() != 1) {
            // Section 3: a get without a child is "Bad Format"; section 2: one namespace per get.
            return error(iq, StanzaErrorCondition.BAD_REQUEST, "ask for exactly one element");
        }
        Element asked = query.items().get(0);
        if (PrivateQuery.reserved(asked.namespace())) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "reserved namespace");
        }
        // Section 2.2: nothing stored is answered with the empty element that was asked for.
        Element answer = state.get(asked.name(), asked.namespace()).map(XmlReader::parse)
                .orElse(Element.of(asked.name(), asked.namespace()));
        return AccountOutcome.reply(Stanzas.iqResult(iq, new PrivateQuery(List.of(answer)).toElement()));
    }

    private static AccountOutcome set(PrivateXml state, AccountRequest request, PrivateQuery query,
                                      PrivateXmlSettings settings) {
        Element iq = request.iq();
        if (query.items().isEmpty()) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "nothing to store"); // section 3
        }
        Map<String, String> after = new LinkedHashMap<>(state.stored());
        List<UserEvent> events = new ArrayList<>();
        for (Element item : query.items()) {
            if (PrivateQuery.reserved(item.namespace())) {
                return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "reserved namespace");
            }
            String xml = XmlWriter.write(item);
            after.put(PrivateQuery.key(item), xml);
            events.add(new PrivateXmlStored(item.name(), item.namespace(), xml, request.now()));
        }
        if (new PrivateXml(after).bytes() > settings.maxBytes()) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE,
                    "private storage is limited to " + settings.maxBytes() + " bytes");
        }
        return AccountOutcome.of(events, new AccountOutcome.Effect.Reply(Stanzas.iqResult(iq, null)));
    }

    private static AccountOutcome error(Element iq, StanzaErrorCondition condition, String text) {
        return AccountOutcome.reply(Stanzas.errorReply(iq, StanzaError.of(condition, text)));
    }
}
