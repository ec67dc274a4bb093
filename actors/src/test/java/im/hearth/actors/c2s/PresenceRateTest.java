package im.hearth.actors.c2s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PresenceRateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstPassesThenTheExcessIsRefused() {
        PresenceRate rate = new PresenceRate(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(PresenceRate.Verdict.PASS, rate.take(0));
        }
        assertEquals(PresenceRate.Verdict.REFUSE, rate.take(0));
    }

    @Test
    void tokensComeBackAtTheRateUpToTheBurst() {
        PresenceRate rate = new PresenceRate(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            rate.take(0);
        }
        assertEquals(PresenceRate.Verdict.PASS, rate.take(SECOND / 10));
        assertEquals(PresenceRate.Verdict.REFUSE, rate.take(SECOND / 10));
        long later = 100 * SECOND; // a long pause refills only up to the burst
        for (int i = 0; i < 5; i++) {
            assertEquals(PresenceRate.Verdict.PASS, rate.take(later));
        }
        assertEquals(PresenceRate.Verdict.REFUSE, rate.take(later));
    }

    @Test
    void asManyRefusalsInARowAsTheBurstCloseTheStream() {
        PresenceRate rate = new PresenceRate(1, 3, 0);
        for (int i = 0; i < 3; i++) {
            rate.take(0);
        }
        assertEquals(PresenceRate.Verdict.REFUSE, rate.take(0));
        assertEquals(PresenceRate.Verdict.REFUSE, rate.take(0));
        assertEquals(PresenceRate.Verdict.CLOSE, rate.take(0));
    }

    @Test
    void aPassingStanzaResetsTheRefusalCount() {
        PresenceRate rate = new PresenceRate(1, 3, 0);
        for (int i = 0; i < 3; i++) {
            rate.take(0);
        }
        rate.take(0);
        rate.take(0);
        assertEquals(PresenceRate.Verdict.PASS, rate.take(SECOND));
        assertEquals(PresenceRate.Verdict.REFUSE, rate.take(SECOND));
        assertEquals(PresenceRate.Verdict.REFUSE, rate.take(SECOND));
        assertEquals(PresenceRate.Verdict.CLOSE, rate.take(SECOND));
    }
}
