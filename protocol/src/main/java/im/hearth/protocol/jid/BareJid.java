package im.hearth.protocol.jid;

import java.util.Objects;

/** An account or room address, {@code local@domain}: the key of user and room entities. */
public record BareJid(String local, String domain) implements Jid {

    /** Takes already prepared parts; use {@link #of(String, String)} for untrusted input. */
    public BareJid {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(domain, "domain");
    }

    /** Prepares both parts. */
    public static BareJid of(String local, String domain) {
        return new BareJid(Jid.prepareLocal(local), Jid.prepareDomain(domain));
    }

    /** Parses a JID that must have a localpart and no resourcepart. */
    public static BareJid parse(String jid) {
        Jid parsed = Jid.parse(jid);
        if (parsed instanceof BareJid b) {
            return b;
        }
        if (parsed.isFull()) {
            throw new JidFormatException("resourcepart not allowed in a bare JID: " + jid);
        }
        throw new JidFormatException("localpart missing in a bare JID: " + jid);
    }

    @Override
    public String resource() {
        return null;
    }

    @Override
    public BareJid bare() {
        return this;
    }

    @Override
    public boolean isFull() {
        return false;
    }

    /** The full JID of this account with the given resource; prepares the resource. */
    public FullJid withResource(String resource) {
        return FullJid.of(this, resource);
    }

    @Override
    public String toString() {
        return local + '@' + domain;
    }
}
