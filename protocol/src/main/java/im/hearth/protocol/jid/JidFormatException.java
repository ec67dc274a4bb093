package im.hearth.protocol.jid;

/** A string that is not a valid JID; the message names the part that is wrong and why. */
public final class JidFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public JidFormatException(String message) {
        super(message);
    }

    public JidFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
