package im.hearth.actors.c2s;

import im.hearth.protocol.xml.Element;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The counting of stream management (XEP-0198 section 4), without an actor: stanzas sent to the
 * client and the queue of those it has not acknowledged; stanzas received from it, and how many
 * of them are handled (a message counts once it is in the journal, so an ack never covers a
 * message the server could still lose). Counts go over the wire modulo 2^32.
 */
final class SmCounters {
    static final long MODULO = 1L << 32;

    enum AckVerdict { OK, BACKWARDS, TOO_HIGH }

    private final ArrayDeque<Element> unacked = new ArrayDeque<>(1); // grows when used; most sessions hold little
    private long sent;
    private long received;
    private final ArrayDeque<Long> pending = new ArrayDeque<>(1);

    /** Counts a stanza written (or queued, while hibernating) for the client; returns the queue's length. */
    int sent(Element stanza) {
        unacked.add(stanza);
        sent++;
        return unacked.size();
    }

    long sentCount() {
        return Math.floorMod(sent, MODULO);
    }

    long ackedCount() {
        return Math.floorMod(sent - unacked.size(), MODULO);
    }

    /**
     * The client has handled h of our stanzas: those are dropped from the queue. An h below what it
     * acknowledged before goes backwards; one above what was sent is too high (section 4). Counts
     * wrap, so "below" means less than 2^31 behind.
     */
    AckVerdict ack(long h) {
        long forward = Math.floorMod(h - ackedCount(), MODULO);
        if (forward <= unacked.size()) {
            for (long i = 0; i < forward; i++) {
                unacked.poll();
            }
            return AckVerdict.OK;
        }
        long backward = Math.floorMod(ackedCount() - h, MODULO);
        return backward < MODULO / 2 ? AckVerdict.BACKWARDS : AckVerdict.TOO_HIGH;
    }

    List<Element> unacked() {
        return new ArrayList<>(unacked);
    }

    int unackedSize() {
        return unacked.size();
    }

    /** Counts a stanza from the client; returns its sequence number. */
    long received() {
        return ++received;
    }

    /** This stanza (a message) is handled once it is in the journal ({@link #journaled}); nothing after it before. */
    void awaitsJournal(long sequence) {
        pending.add(sequence);
    }

    void journaled(long sequence) {
        pending.remove(sequence);
    }

    /** The h the server reports: every stanza up to the first one still waiting for the journal. */
    long handled() {
        long upTo = pending.isEmpty() ? received : pending.peekFirst() - 1;
        return Math.floorMod(upTo, MODULO);
    }

    /** Restores the counts a hibernated session saved (its journal's SessionHibernated). */
    void restore(long handled, long sentCount, List<Element> queue) {
        unacked.clear();
        unacked.addAll(queue);
        pending.clear();
        received = handled;
        sent = sentCount;
    }
}
