package im.hearth.actors.c2s;

/**
 * The per-session limit on presence with a 'to' (directed presence and subscription stanzas),
 * a token bucket: {@code burst} tokens, refilled at {@code perSecond}. A stanza over the limit is
 * refused; {@code burst} refusals in a row (a client that ignores the errors) end the stream.
 * Plain and clock-driven (nanoseconds in), so it is tested without an actor system.
 */
final class PresenceRate {
    /** What to do with one stanza. */
    enum Verdict { PASS, REFUSE, CLOSE }

    private final double perNano;
    private final int burst;
    private double tokens;
    private long last;
    private int refusedInARow;

    PresenceRate(double perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1_000_000_000d;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    Verdict take(long nowNanos) {
        tokens = Math.min(burst, tokens + Math.max(0, nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            refusedInARow = 0;
            return Verdict.PASS;
        }
        refusedInARow++;
        return refusedInARow >= burst ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
