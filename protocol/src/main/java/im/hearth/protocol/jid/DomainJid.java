package im.hearth.protocol.jid;

import java.util.Objects;

/** A JID with only a domainpart, such as a server or a component: {@code example.com}. */
public record DomainJid(String domain) implements Jid {

    /** Takes an already prepared domainpart; use {@link #of(String)} for untrusted input. */
    public DomainJid {
        Objects.requireNonNull(domain, "domain");
    }

    /** Prepares the domainpart. */
    public static DomainJid of(String domain) {
        return new DomainJid(Jid.prepareDomain(domain));
    }

    /** Parses a JID that must be a bare domain (no localpart, no resourcepart). */
    public static DomainJid parse(String jid) {
        if (Jid.parse(jid) instanceof DomainJid d) {
            return d;
        }
        throw new JidFormatException("not a domain JID (has a localpart or a resourcepart): " + jid);
    }

    @Override
    public String local() {
        return null;
    }

    @Override
    public String resource() {
        return null;
    }

    @Override
    public DomainJid bare() {
        return this;
    }

    @Override
    public boolean isFull() {
        return false;
    }

    /** A full JID {@code domain/resource}; prepares the resource. */
    public FullJid withResource(String resource) {
        return new FullJid(null, domain, Jid.prepareResource(resource));
    }

    @Override
    public String toString() {
        return domain;
    }
}
