package im.hearth.protocol.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ElementTest {

    private static final Element MESSAGE = Element.builder("message", Namespaces.CLIENT)
            .attr("to", "bob@example.net")
            .textChild("body", Namespaces.CLIENT, "hi")
            .child(Element.builder("stanza-id", Namespaces.STANZA_ID).attr("by", "bob@example.net").build())
            .text("tail")
            .build();

    @Test
    void withoutChildrenDropsTheMatchingElementsAndKeepsEverythingElseInOrder() {
        Element clean = MESSAGE.withoutChildren(e -> e.is("stanza-id", Namespaces.STANZA_ID));
        assertEquals("<message xmlns='jabber:client' to='bob@example.net'><body>hi</body>tail</message>",
                XmlWriter.write(clean).replace('"', '\''));
        assertEquals("bob@example.net", clean.attr("to"));
    }

    @Test
    void withoutChildrenGivesTheSameElementWhenNothingMatches() {
        assertSame(MESSAGE, MESSAGE.withoutChildren(e -> e.is("private", "urn:xmpp:carbons:2")));
    }
}
