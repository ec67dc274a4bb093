package im.hearth.actors.feature;

import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.xml.Element;
import java.time.Instant;

/**
 * An IQ addressed to an account: whose account, who asks (the stamped full JID of the sender),
 * the IQ and its payload, and the time of the decision.
 */
public record AccountRequest(BareJid account, Jid from, Element iq, Element payload, Instant now) {

    /** True when one of the account's own sessions asks. */
    public boolean fromOwner() {
        return account.equals(from.bare());
    }
}
