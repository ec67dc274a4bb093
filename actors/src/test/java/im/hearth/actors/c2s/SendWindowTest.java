package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendWindowTest {

    @Test
    void readingStopsWhenTheWindowIsFullAndGoesOnOnceWhenItHasRoom() {
        SendWindow w = new SendWindow(3);
        assertTrue(w.sent());
        assertTrue(w.sent());
        assertFalse(w.sent(), "the third message fills the window");
        assertTrue(w.stored(), "the first answer lets the stream be read again");
        assertFalse(w.stored(), "only once: the stream is already being read");
        assertEquals(1, w.waiting());
    }

    @Test
    void answersWithoutAPauseNeverAskToReadOn() {
        SendWindow w = new SendWindow(2);
        assertTrue(w.sent());
        assertFalse(w.stored());
        assertFalse(w.stored(), "a late answer after a restart of counting stays at zero");
        assertEquals(0, w.waiting());
    }

    @Test
    void aNewConnectionForgetsThePauseOfTheOldOne() {
        SendWindow w = new SendWindow(1);
        assertFalse(w.sent());
        w.forgetPause();
        assertFalse(w.stored(), "the new connection is read by whoever attached it");
    }

    @Test
    void aWindowHoldsAtLeastOneMessage() {
        assertThrows(IllegalArgumentException.class, () -> new SendWindow(0));
    }
}
