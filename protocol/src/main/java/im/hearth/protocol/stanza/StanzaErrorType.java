package im.hearth.protocol.stanza;

import java.util.Optional;

/** The {@code type} attribute of a stanza {@code <error/>} (RFC 6120 §8.3.2). */
public enum StanzaErrorType {
    AUTH("auth"),
    CANCEL("cancel"),
    CONTINUE("continue"),
    MODIFY("modify"),
    WAIT("wait");

    private final String value;

    StanzaErrorType(String value) {
        this.value = value;
    }

    /** The attribute value, such as {@code cancel}. */
    public String value() {
        return value;
    }

    public static Optional<StanzaErrorType> fromValue(String value) {
        for (StanzaErrorType t : values()) {
            if (t.value.equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
