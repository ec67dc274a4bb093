package im.hearth.actors.c2s;

/**
 * How many of the client's messages may wait for its account's entity at once. Each message is
 * accepted only once the entity has it in the journal; a client that sends faster than that stops
 * being read (TCP pushes back on it) instead of piling commands into the entity's bounded stash,
 * where the overflow would be dropped. The session reads on when the entity catches up.
 */
final class SendWindow {
    private final int size;
    private int waiting;
    private boolean paused;

    SendWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("the window must hold at least one message");
        }
        this.size = size;
    }

    /** One more message went to the entity; false when the stream must not be read further for now. */
    boolean sent() {
        waiting++;
        paused = waiting >= size;
        return !paused;
    }

    /** The entity answered for one message; true when the stream was paused and may be read again. */
    boolean stored() {
        waiting = Math.max(0, waiting - 1);
        if (paused && waiting < size) {
            paused = false;
            return true;
        }
        return false;
    }

    /** The connection changed (hibernation, resumption): whoever attaches the new one reads it. */
    void forgetPause() {
        paused = false;
    }

    int waiting() {
        return waiting;
    }
}
