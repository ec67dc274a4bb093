package im.hearth.actors.feature.vcard;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.vcard.VCard4Set;
import im.hearth.persistence.event.user.vcard.VCardSet;
import im.hearth.protocol.feature.vcard.VCardTemp;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * vCard get and set as pure functions: vcard-temp (XEP-0054 section 3) and vCard4 over IQ
 * (XEP-0292). Anyone may read an account's vCard; only its owner may replace it, whole.
 */
public final class VCardDecider {

    private VCardDecider() {
    }

    public static AccountOutcome decide(VCards state, AccountRequest request, VCardSettings settings) {
        Element iq = request.iq();
        Element payload = request.payload();
        boolean temp = payload.is(VCardTemp.ELEMENT, VCardTemp.NAMESPACE);
        if (!temp && !payload.is(VCardTemp.VCARD4_ELEMENT, VCardTemp.VCARD4_NAMESPACE)) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, "unknown vCard element");
        }
        if (!"set".equals(Stanzas.type(iq))) {
            // XEP-0054 3.1/3.3: no vCard yet is answered with an empty one (not an error); the same
            // for vCard4, which XEP-0292 leaves open.
            String stored = temp ? state.vcardTemp() : state.vcard4();
            Element answer = stored != null ? XmlReader.parse(stored) : temp ? VCardTemp.empty() : VCardTemp.emptyVCard4();
            return AccountOutcome.reply(Stanzas.iqResult(iq, answer));
        }
        if (!request.fromOwner()) {
            return error(iq, StanzaErrorCondition.FORBIDDEN, "only the owner may change a vCard");
        }
        String xml = XmlWriter.write(payload);
        if (xml.getBytes(StandardCharsets.UTF_8).length > settings.maxBytes()) {
            return error(iq, StanzaErrorCondition.NOT_ACCEPTABLE, "vCards are limited to " + settings.maxBytes() + " bytes");
        }
        UserEvent event;
        if (temp) {
            VCardTemp.Photo photo = VCardTemp.photo(payload);
            if (photo instanceof VCardTemp.Photo.Malformed m) {
                return error(iq, StanzaErrorCondition.BAD_REQUEST, m.reason());
            }
            String hash = photo instanceof VCardTemp.Photo.Hash h ? h.sha1Hex() : "";
            event = new VCardSet(xml, hash, request.now());
        } else {
            event = new VCard4Set(xml, request.now());
        }
        return AccountOutcome.of(List.of(event), new AccountOutcome.Effect.Reply(Stanzas.iqResult(iq, null)));
    }

    private static AccountOutcome error(Element iq, StanzaErrorCondition condition, String text) {
        return AccountOutcome.reply(Stanzas.errorReply(iq, StanzaError.of(condition, text)));
    }
}
