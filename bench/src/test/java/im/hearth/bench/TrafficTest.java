package im.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import org.junit.jupiter.api.Test;

class TrafficTest {

    private static Element message(String body) {
        return Element.builder("message", Namespaces.CLIENT).attr("type", "chat")
                .textChild("body", Namespaces.CLIENT, body).build();
    }

    @Test
    void warmUpDeliveriesShowInTheSlowestButAreNotMeasured() {
        Traffic t = new Traffic(1, 100);
        t.received(message(t.body(1, System.nanoTime() - 250_000_000L)));
        assertEquals(0, t.delivered.get());
        assertTrue(t.takeWorstMillis() >= 250);
        assertEquals(0, t.takeWorstMillis(), "taken: the next line starts again");
    }

    @Test
    void anotherRunsMessagesAreIgnored() {
        Traffic mine = new Traffic(1, 100);
        Traffic other = new Traffic(1, 100);
        mine.received(message(other.body(1, System.nanoTime() - 250_000_000L)));
        assertEquals(0, mine.takeWorstMillis());
        assertEquals(0, mine.delivered.get());
    }
}
