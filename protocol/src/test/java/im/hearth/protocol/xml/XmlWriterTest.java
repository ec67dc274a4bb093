package im.hearth.protocol.xml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import im.hearth.protocol.stream.StreamEvent;
import im.hearth.protocol.stream.StreamLimits;
import im.hearth.protocol.stream.XmlStreamParser;
import org.junit.jupiter.api.Test;

class XmlWriterTest {

    private static final String TRICKY = "a&b<c>d\"e'f ]]> \t\n\r\n x &amp; &#60; Grüße 日本 😀";

    @Test
    void writesTheRootNamespaceAndChildNamespacesOnlyWhereTheyChange() {
        Element message = Element.builder("message", Namespaces.CLIENT)
                .attr("to", "a@example.net")
                .textChild("body", Namespaces.CLIENT, "hi")
                .child(Element.builder("x", "urn:x").child(Element.of("y", "urn:x"))
                        .child(Element.of("z", Namespaces.CLIENT)).build())
                .build();
        assertEquals("<message xmlns='jabber:client' to='a@example.net'><body>hi</body>"
                + "<x xmlns='urn:x'><y/><z xmlns='jabber:client'/></x></message>", XmlWriter.write(message));
        assertEquals("<message to='a@example.net'><body>hi</body>"
                + "<x xmlns='urn:x'><y/><z xmlns='jabber:client'/></x></message>", XmlWriter.write(message, Namespaces.CLIENT));
    }

    @Test
    void writesAChildWithoutNamespaceUnderANamespacedParentWithAnEmptyDeclaration() {
        Element e = Element.builder("a", "urn:a").child(Element.of("b", "")).build();
        assertEquals("<a xmlns='urn:a'><b xmlns=''/></a>", XmlWriter.write(e));
        assertEquals("<b/>", XmlWriter.write(Element.of("b", "")));
    }

    @Test
    void writesXmlLangAndNamespacedAttributesWithDeclaredPrefixes() {
        Element e = Element.builder("message", Namespaces.CLIENT)
                .attr("xml:lang", "en")
                .attr("{urn:p}a", "1")
                .attr("{urn:q}b", "2")
                .attr("{urn:p}c", "3")
                .build();
        assertEquals("<message xml:lang='en' xmlns:ns1='urn:p' ns1:a='1' xmlns:ns2='urn:q' ns2:b='2' ns1:c='3'/>",
                XmlWriter.write(e, Namespaces.CLIENT));
    }

    @Test
    void refusesAttributeKeysThatWouldDeclareOrUseAnUnboundPrefix() {
        assertThrows(IllegalArgumentException.class,
                () -> XmlWriter.write(Element.of("a", "").withAttr("xmlns", "urn:x")));
        assertThrows(IllegalArgumentException.class,
                () -> XmlWriter.write(Element.of("a", "").withAttr("foo:bar", "1")));
    }

    @Test
    void escapesTextAndAttributes() {
        assertEquals("a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;", XmlWriter.escapeText("a&b<c>d\"e'f\tg\nh\r"));
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;", XmlWriter.escapeAttr("a&b<c>d\"e'f\tg\nh\r"));
    }

    @Test
    void dropsCharactersThatXml10DoesNotAllow() {
        String bad = "a\u0000b\u0001c\u001Fd\uFFFEe\uFFFFf\uD800g\uDC00h";
        assertEquals("abcdefgh", XmlWriter.escapeText(bad));
        assertEquals("abcdefgh", XmlWriter.escapeAttr(bad));
        assertEquals("😀", XmlWriter.escapeText("😀"));
    }

    @Test
    void roundTripsTrickyTextAndAttributesThroughTheParser() throws Exception {
        Element e = Element.builder("message", Namespaces.CLIENT)
                .attr("id", TRICKY)
                .attr("xml:lang", "de")
                .attr("{urn:p}a", TRICKY)
                .textChild("body", Namespaces.CLIENT, TRICKY)
                .child(Element.builder("x", "urn:x").text(TRICKY).child(Element.of("empty", "")).build())
                .build();
        assertEquals(e, parseBack(XmlWriter.write(e, Namespaces.CLIENT)));
        assertEquals(e, parseBack(XmlWriter.write(e)));
    }

    @Test
    void writesStreamLevelElementsWithTheStreamPrefix() {
        Element features = Element.builder("features", Namespaces.STREAM)
                .child(Element.builder("starttls", Namespaces.TLS).child(Element.of("required", Namespaces.TLS)).build())
                .child(Element.of("ver", "urn:xmpp:features:rosterver"))
                .build();
        assertEquals("<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                + "<ver xmlns='urn:xmpp:features:rosterver'/></stream:features>",
                XmlWriter.writeInStream(features, Namespaces.CLIENT));
        assertEquals("<message/>", XmlWriter.writeInStream(Element.of("message", Namespaces.CLIENT), Namespaces.CLIENT));
    }

    private static Element parseBack(String xml) throws Exception {
        XmlStreamParser parser = new XmlStreamParser(StreamLimits.defaults());
        parser.feed(("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml)
                .getBytes(UTF_8));
        parser.next();
        return ((StreamEvent.Child) parser.next()).element();
    }
}
