package im.hearth.protocol.stanza;

import java.util.Objects;

/** Thrown where a stream must end with a stream error, such as by the stream parser on bad input. */
public final class StreamErrorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient StreamError error;

    public StreamErrorException(StreamError error) {
        this(error, null);
    }

    public StreamErrorException(StreamError error, Throwable cause) {
        super(message(Objects.requireNonNull(error, "error")), cause);
        this.error = error;
    }

    public StreamErrorException(StreamErrorCondition condition, String text) {
        this(new StreamError(condition, text));
    }

    public StreamError error() {
        return error;
    }

    public StreamErrorCondition condition() {
        return error.condition();
    }

    private static String message(StreamError error) {
        String name = error.condition().elementName();
        return error.text() == null ? name : name + ": " + error.text();
    }
}
