package im.hearth.protocol.xml;

/** Namespace URIs of the core protocol (RFC 6120, RFC 6121). Extension namespaces live with their feature. */
public final class Namespaces {
    public static final String STREAM = "http://etherx.jabber.org/streams";
    public static final String CLIENT = "jabber:client";
    public static final String SERVER = "jabber:server";
    public static final String XML = "http://www.w3.org/XML/1998/namespace";
    public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
    public static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    public static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
    public static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    public static final String PING = "urn:xmpp:ping";
    public static final String DELAY = "urn:xmpp:delay";
    public static final String STANZA_ID = "urn:xmpp:sid:0";

    private Namespaces() {
    }
}
