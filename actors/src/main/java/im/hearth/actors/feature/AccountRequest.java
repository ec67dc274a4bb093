package im.hearth.actors.feature;

import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.xml.Element;
import java.time.Instant;

/**
 * An IQ addressed to an account: whose account, who asks (the stamped full JID of the sender),
 * the IQ and its payload, the time of the decision, and whether the account has an available
 * resource now (its live presence, which is not in the journal), and the sequence number of the
 * newest event in the account's journal (what a read side must have seen to answer up to now).
 */
public record AccountRequest(BareJid account, Jid from, Element iq, Element payload, Instant now, boolean online,
                             long journalSeqNr) {

    public AccountRequest(BareJid account, Jid from, Element iq, Element payload, Instant now) {
        this(account, from, iq, payload, now, false, 0);
    }

    public AccountRequest(BareJid account, Jid from, Element iq, Element payload, Instant now, boolean online) {
        this(account, from, iq, payload, now, online, 0);
    }

    /** True when one of the account's own sessions asks. */
    public boolean fromOwner() {
        return account.equals(from.bare());
    }
}
