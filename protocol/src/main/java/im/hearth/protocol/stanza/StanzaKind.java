package im.hearth.protocol.stanza;

/** The three stanza kinds of RFC 6120 §8. */
public enum StanzaKind {
    MESSAGE("message"),
    PRESENCE("presence"),
    IQ("iq");

    private final String elementName;

    StanzaKind(String elementName) {
        this.elementName = elementName;
    }

    public String elementName() {
        return elementName;
    }
}
