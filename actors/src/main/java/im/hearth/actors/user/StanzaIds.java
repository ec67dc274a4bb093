package im.hearth.actors.user;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Server-assigned identifiers: archive ids (XEP-0359 stanza-id) that sort by time, and generated resources. */
final class StanzaIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private StanzaIds() {
    }

    /** Milliseconds since the epoch in 11 hex digits, then 10 random hex digits: unique, and ordered by time. */
    static String next() {
        byte[] r = new byte[5];
        RANDOM.nextBytes(r);
        return String.format("%011x", System.currentTimeMillis()) + HexFormat.of().formatHex(r);
    }

    /** A resource for a client that did not ask for one (RFC 6120 7.6.2.1). */
    static String resource() {
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return "hearth-" + HexFormat.of().formatHex(r);
    }
}
