package im.hearth.protocol.jid;

import java.util.Optional;

/**
 * An XMPP address (RFC 7622): {@code [localpart@]domainpart[/resourcepart]}. Implementations
 * are values: equal when their prepared parts are equal, and {@link #toString()} is the
 * canonical string form.
 */
public sealed interface Jid permits DomainJid, BareJid, FullJid {

    /** The prepared localpart, or null for a domain JID or a {@code domain/resource} JID. */
    String local();

    /** The prepared domainpart; never null. */
    String domain();

    /** The prepared resourcepart, or null unless this is a full JID. */
    String resource();

    /** This address without its resourcepart: a {@link DomainJid} or a {@link BareJid}. */
    Jid bare();

    /** True when this address has a resourcepart. */
    boolean isFull();

    /**
     * Parses and prepares a JID (RFC 7622 §3.1: the resourcepart starts at the first '/',
     * the localpart ends at the first '@' before it).
     *
     * @throws JidFormatException naming the part that is wrong and why
     */
    static Jid parse(String jid) {
        if (jid == null) {
            throw new JidFormatException("JID is null");
        }
        int slash = jid.indexOf('/');
        String beforeResource = slash < 0 ? jid : jid.substring(0, slash);
        String resource = slash < 0 ? null : prepareResource(jid.substring(slash + 1));
        int at = beforeResource.indexOf('@');
        String local = at < 0 ? null : prepareLocal(beforeResource.substring(0, at));
        String domain = prepareDomain(beforeResource.substring(at + 1));
        if (resource != null) {
            return new FullJid(local, domain, resource);
        }
        return local == null ? new DomainJid(domain) : new BareJid(local, domain);
    }

    /** Like {@link #parse(String)}, but empty instead of an exception for invalid input. */
    static Optional<Jid> tryParse(String jid) {
        try {
            return Optional.of(parse(jid));
        } catch (JidFormatException e) {
            return Optional.empty();
        }
    }

    /** Prepares a localpart (UsernameCaseMapped, RFC 7622 §3.3). */
    static String prepareLocal(String local) {
        return Parts.local(local);
    }

    /** Prepares a domainpart (RFC 7622 §3.2). */
    static String prepareDomain(String domain) {
        return Parts.domain(domain);
    }

    /** Prepares a resourcepart (OpaqueString, RFC 7622 §3.4). */
    static String prepareResource(String resource) {
        return Parts.resource(resource);
    }
}
