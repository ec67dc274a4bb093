package im.hearth.protocol.jid;

import java.util.Objects;

/**
 * An address with a resourcepart: a client session {@code local@domain/resource}, or
 * {@code domain/resource} (local is null then).
 */
public record FullJid(String local, String domain, String resource) implements Jid {

    /** Takes already prepared parts; use {@link #of(BareJid, String)} or parse for untrusted input. */
    public FullJid {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(resource, "resource");
    }

    /** The full JID of an account; prepares the resource. */
    public static FullJid of(BareJid bare, String resource) {
        return new FullJid(bare.local(), bare.domain(), Jid.prepareResource(resource));
    }

    /** Parses a JID that must have a resourcepart. */
    public static FullJid parse(String jid) {
        if (Jid.parse(jid) instanceof FullJid f) {
            return f;
        }
        throw new JidFormatException("resourcepart missing in a full JID: " + jid);
    }

    @Override
    public Jid bare() {
        return local == null ? new DomainJid(domain) : new BareJid(local, domain);
    }

    @Override
    public boolean isFull() {
        return true;
    }

    @Override
    public String toString() {
        return (local == null ? domain : local + '@' + domain) + '/' + resource;
    }
}
