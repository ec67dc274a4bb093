package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.protocol.xml.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmCountersTest {

    private static Element message(String id) {
        return Element.builder("message", "jabber:client").attr("id", id).build();
    }

    @Test
    void anAckDropsWhatTheClientHandledAndKeepsTheRest() {
        SmCounters c = new SmCounters();
        c.sent(message("1"));
        c.sent(message("2"));
        c.sent(message("3"));
        assertEquals(SmCounters.AckVerdict.OK, c.ack(2));
        assertEquals(List.of(message("3")), c.unacked());
        assertEquals(2, c.ackedCount());
        assertEquals(SmCounters.AckVerdict.OK, c.ack(2), "the same h again changes nothing");
        assertEquals(1, c.unackedSize());
    }

    @Test
    void anAckAboveWhatWasSentIsTooHighAndOneBelowThePreviousGoesBackwards() {
        SmCounters c = new SmCounters();
        c.sent(message("1"));
        c.sent(message("2"));
        assertEquals(SmCounters.AckVerdict.TOO_HIGH, c.ack(3));
        assertEquals(SmCounters.AckVerdict.OK, c.ack(2));
        assertEquals(SmCounters.AckVerdict.BACKWARDS, c.ack(1));
        assertEquals(0, c.unackedSize());
    }

    @Test
    void countsWrapAt2To32() {
        SmCounters c = new SmCounters();
        c.restore(0, SmCounters.MODULO - 1, List.of(message("last")));
        c.sent(message("wrapped"));
        assertEquals(0, c.sentCount());
        assertEquals(SmCounters.AckVerdict.OK, c.ack(0));
        assertEquals(0, c.unackedSize());
    }

    @Test
    void aMessageIsHandledOnlyOnceJournaledAndHoldsBackWhatFollows() {
        SmCounters c = new SmCounters();
        c.received();
        long message = c.received();
        c.awaitsJournal(message);
        c.received();
        assertEquals(1, c.handled(), "not past the message that is not in the journal yet");
        c.journaled(message);
        assertEquals(3, c.handled());
    }

    @Test
    void restoringGivesTheSavedCounts() {
        SmCounters c = new SmCounters();
        c.restore(5, 9, List.of(message("8"), message("9")));
        assertEquals(5, c.handled());
        assertEquals(9, c.sentCount());
        assertEquals(7, c.ackedCount());
        assertEquals(SmCounters.AckVerdict.OK, c.ack(8));
        assertEquals(List.of(message("9")), c.unacked());
    }
}
