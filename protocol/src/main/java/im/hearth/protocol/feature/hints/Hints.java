package im.hearth.protocol.feature.hints;

import im.hearth.protocol.xml.Element;

/**
 * XEP-0334 Message Processing Hints (section 4): whether a message carries one of the hints a
 * server acts on. {@code no-permanent-store} keeps it out of the archive, {@code no-store} also
 * out of offline storage, {@code no-copy} out of carbons (XEP-0280).
 */
public final class Hints {
    public static final String NAMESPACE = "urn:xmpp:hints";
    public static final String NO_PERMANENT_STORE = "no-permanent-store";
    public static final String NO_STORE = "no-store";
    public static final String NO_COPY = "no-copy";

    private Hints() {
    }

    public static boolean has(Element message, String hint) {
        return message.child(hint, NAMESPACE).isPresent();
    }
}
