package im.hearth.protocol.feature.register;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegisterQueryTest {

    @Test
    void roundTripsEveryPayload() {
        for (RegisterQuery q : new RegisterQuery[] {new RegisterQuery.Fields(), new RegisterQuery.Remove(),
                new RegisterQuery.Submit("juliet", "R0m30"), new RegisterQuery.Submit("juliet", null)}) {
            assertEquals(q, RegisterQuery.decode(q.encode()));
        }
    }

    @Test
    void emptyPasswordIsAnEmptyStringNotAbsent() {
        RegisterQuery q = RegisterQuery.decode(new RegisterQuery.Submit("juliet", "").encode());
        assertEquals(new RegisterQuery.Submit("juliet", ""), q);
    }

    @Test
    void removeWinsOverFields() {
        var e = new RegisterQuery.Submit("juliet", "x").encode()
                .withChild(im.hearth.protocol.xml.Element.of("remove", RegisterQuery.NAMESPACE));
        assertEquals(new RegisterQuery.Remove(), RegisterQuery.decode(e));
    }
}
