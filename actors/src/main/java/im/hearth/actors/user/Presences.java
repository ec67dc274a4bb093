package im.hearth.actors.user;

import im.hearth.protocol.xml.Element;

/** Reading a presence stanza's priority (RFC 6121 4.7.2.3: -128 to 127, default 0). */
final class Presences {

    private Presences() {
    }

    static int priority(Element presence) {
        return presence.childText("priority", presence.namespace())
                .map(String::trim)
                .map(p -> {
                    try {
                        return Math.max(-128, Math.min(127, Integer.parseInt(p)));
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                })
                .orElse(0);
    }
}
