package im.hearth.protocol.jid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JidTest {

    /** RFC 7622 §3.5, Table 1: input, and its canonical form after preparation. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "juliet@example.com|juliet@example.com",
        "juliet@example.com/foo|juliet@example.com/foo",
        "juliet@example.com/foo bar|juliet@example.com/foo bar",
        "juliet@example.com/foo@bar|juliet@example.com/foo@bar",
        "foo\\20bar@example.com|foo\\20bar@example.com",
        "fussball@example.com|fussball@example.com",
        "fußball@example.com|fußball@example.com",
        "π@example.com|π@example.com",
        "Σ@example.com/foo|σ@example.com/foo",
        "σ@example.com/foo|σ@example.com/foo",
        "ς@example.com/foo|ς@example.com/foo",
        "king@example.com/♚|king@example.com/♚",
        "example.com|example.com",
        "example.com/foobar|example.com/foobar",
        "a.example.com/b@example.net|a.example.com/b@example.net",
    })
    void acceptsTheValidExamplesOfRfc7622(String input, String canonical) {
        assertEquals(canonical, Jid.parse(input).toString());
    }

    /** RFC 7622 §3.5, Table 2 (see {@link #acceptsLeadingSpaceInResourcepart} for example 3). */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"juliet\"@example.com",
        "foo bar@example.com",
        "@example.com/",
        "henry♢@example.com",
        "♚@example.com",
        "juliet@",
        "/foobar",
    })
    void rejectsTheInvalidExamplesOfRfc7622(String input) {
        assertThrows(JidFormatException.class, () -> Jid.parse(input));
        assertTrue(Jid.tryParse(input).isEmpty());
    }

    /**
     * RFC 7622 lists {@code juliet@example.com/ foo} as invalid, but the OpaqueString profile
     * it names (RFC 8265 §4.2, as the PRECIS library implements it) allows a leading space;
     * we follow the profile, as other servers using PRECIS do.
     */
    @Test
    void acceptsLeadingSpaceInResourcepart() {
        assertEquals(" foo", Jid.parse("juliet@example.com/ foo").resource());
    }

    @Test
    void splitsThePartsAndCaseMapsLocalAndDomainOnly() {
        Jid jid = Jid.parse("Juliet@Example.COM/Balcony");
        FullJid full = assertInstanceOf(FullJid.class, jid);
        assertEquals("juliet", full.local());
        assertEquals("example.com", full.domain());
        assertEquals("Balcony", full.resource());
        assertEquals("juliet@example.com/Balcony", full.toString());
        assertTrue(full.isFull());
        assertEquals(new BareJid("juliet", "example.com"), full.bare());
        assertEquals(Jid.parse("juliet@example.com/Balcony"), jid);
        assertNotEquals(Jid.parse("juliet@example.com/balcony"), jid);
    }

    @Test
    void mapsFullWidthCharacters() {
        assertEquals("juliet@example.com/ｆｏｏ", Jid.parse("ＪＵＬＩＥＴ@ＥＸＡＭＰＬＥ．ｃｏｍ/ｆｏｏ").toString());
    }

    @Test
    void convertsPunycodeDomainsToUnicode() {
        assertEquals("münchen.de", Jid.parse("xn--mnchen-3ya.de").domain());
        assertEquals("münchen.de", Jid.parse("MÜNCHEN.de").domain());
    }

    @Test
    void stripsOneTrailingDotOfTheDomain() {
        assertEquals("example.com", Jid.parse("juliet@example.com.").domain());
        assertThrows(JidFormatException.class, () -> Jid.parse("example.com.."));
        assertThrows(JidFormatException.class, () -> Jid.parse("."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a..b", ".example.com", "exa mple.com", "exa_mple.com", "-example.com"})
    void rejectsBadDomains(String domain) {
        assertThrows(JidFormatException.class, () -> Jid.parse("juliet@" + domain));
    }

    @Test
    void acceptsIpLiterals() {
        assertEquals("192.0.2.1", Jid.parse("juliet@192.0.2.1/r").domain());
        assertEquals("[2001:db8::1]", Jid.parse("juliet@[2001:DB8::1]").domain());
        assertEquals("[::ffff:192.0.2.1]", Jid.parse("[::ffff:192.0.2.1]").domain());
        assertEquals("[1:2:3:4:5:6:7:8]", Jid.parse("[1:2:3:4:5:6:7:8]").domain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2001:db8::1", "[2001:db8:::1]", "[12345::]", "[1:2:3:4:5:6:7]", "[1::2::3]",
        "256.1.1.1", "[x::1]"})
    void rejectsBadIpLiterals(String domain) {
        assertThrows(JidFormatException.class, () -> Jid.parse(domain));
    }

    @Test
    void rejectsEmptyParts() {
        assertThrows(JidFormatException.class, () -> Jid.parse(""));
        assertThrows(JidFormatException.class, () -> Jid.parse("@example.com"));
        assertThrows(JidFormatException.class, () -> Jid.parse("user@"));
        assertThrows(JidFormatException.class, () -> Jid.parse("user@example.com/"));
        assertThrows(JidFormatException.class, () -> Jid.parse("example.com/"));
        assertThrows(JidFormatException.class, () -> Jid.parse(null));
    }

    @Test
    void messageNamesTheWrongPart() {
        assertTrue(assertThrows(JidFormatException.class, () -> Jid.parse("@example.com"))
                .getMessage().contains("localpart"));
        assertTrue(assertThrows(JidFormatException.class, () -> Jid.parse("user@"))
                .getMessage().contains("domainpart"));
        assertTrue(assertThrows(JidFormatException.class, () -> Jid.parse("user@example.com/"))
                .getMessage().contains("resourcepart"));
        assertTrue(assertThrows(JidFormatException.class, () -> Jid.parse("a:b@example.com"))
                .getMessage().contains("':'"));
    }

    @Test
    void limitsEachPartTo1023Bytes() {
        String max = "a".repeat(1023);
        assertEquals(max, Jid.parse(max + "@example.com").local());
        assertEquals(max, Jid.parse("example.com/" + max).resource());
        assertThrows(JidFormatException.class, () -> Jid.parse("a" + max + "@example.com"));
        assertThrows(JidFormatException.class, () -> Jid.parse("example.com/a" + max));
        // 342 three-byte characters are 1026 bytes although only 342 chars
        assertThrows(JidFormatException.class, () -> Jid.parse("example.com/" + "♚".repeat(342)));
        assertEquals(1023, Jid.parse("example.com/" + "♚".repeat(341)).resource().length() * 3);
        String longDomain = ("a".repeat(60) + ".").repeat(17) + "com";
        assertThrows(JidFormatException.class, () -> Jid.parse(longDomain));
        assertThrows(JidFormatException.class, () -> Jid.parse("x".repeat(100_000) + "@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "&", "'", "/", ":", "<", ">", "@"})
    void prepareLocalRejectsTheForbiddenCharacters(String c) {
        assertThrows(JidFormatException.class, () -> Jid.prepareLocal("a" + c + "b"));
    }

    @Test
    void rejectsFullWidthFormsOfForbiddenCharacters() {
        assertThrows(JidFormatException.class, () -> Jid.parse("a＂b@example.com"));
    }

    @Test
    void prepareFunctionsReturnCanonicalParts() {
        assertEquals("juliet", Jid.prepareLocal("JULIET"));
        assertEquals("example.com", Jid.prepareDomain("EXAMPLE.com."));
        assertEquals("Balcony", Jid.prepareResource("Balcony"));
        assertThrows(JidFormatException.class, () -> Jid.prepareResource("a\u0007b"));
    }

    @Test
    void domainJidHasNoLocalOrResource() {
        DomainJid d = assertInstanceOf(DomainJid.class, Jid.parse("Example.com"));
        assertNull(d.local());
        assertNull(d.resource());
        assertFalse(d.isFull());
        assertEquals(d, d.bare());
        assertEquals("example.com", d.toString());
        assertEquals(d, DomainJid.of("EXAMPLE.COM"));
    }

    @Test
    void domainFullJidHasNullLocalAndADomainBare() {
        FullJid f = assertInstanceOf(FullJid.class, Jid.parse("example.com/res"));
        assertNull(f.local());
        assertEquals(new DomainJid("example.com"), f.bare());
        assertEquals("example.com/res", f.toString());
        assertEquals(f, new DomainJid("example.com").withResource("res"));
    }

    @Test
    void bareJidParseRejectsResourceAndMissingLocal() {
        assertEquals(new BareJid("juliet", "example.com"), BareJid.parse("Juliet@example.com"));
        assertTrue(assertThrows(JidFormatException.class, () -> BareJid.parse("juliet@example.com/r"))
                .getMessage().contains("resourcepart"));
        assertTrue(assertThrows(JidFormatException.class, () -> BareJid.parse("example.com"))
                .getMessage().contains("localpart"));
    }

    @Test
    void factoriesPrepareTheirArguments() {
        BareJid bare = BareJid.of("Juliet", "Example.COM");
        assertEquals("juliet@example.com", bare.toString());
        assertEquals(bare, bare.bare());
        assertEquals("juliet@example.com/Balcony", FullJid.of(bare, "Balcony").toString());
        assertEquals(FullJid.of(bare, "r"), bare.withResource("r"));
        assertThrows(JidFormatException.class, () -> FullJid.of(bare, ""));
        assertThrows(JidFormatException.class, () -> BareJid.of("", "example.com"));
    }

    @Test
    void typedParsersCheckTheShape() {
        assertEquals("r", FullJid.parse("a@b.c/r").resource());
        assertThrows(JidFormatException.class, () -> FullJid.parse("a@b.c"));
        assertEquals("b.c", DomainJid.parse("B.c").domain());
        assertThrows(JidFormatException.class, () -> DomainJid.parse("a@b.c"));
    }

    @Test
    void parsingTheCanonicalFormIsIdempotent() {
        for (String s : new String[] {"Σ@Example.com/Foo", "ＪＵＬＩＥＴ@münchen.DE/x y", "[::1]/r"}) {
            Jid once = Jid.parse(s);
            assertEquals(once, Jid.parse(once.toString()));
        }
    }
}
