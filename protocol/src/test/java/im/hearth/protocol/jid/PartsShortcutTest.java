package im.hearth.protocol.jid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The ASCII shortcuts of {@link Parts} skip PRECIS and IDNA for parts those would leave as they
 * are. Each must give exactly what the full preparation gives, the same string or the same
 * refusal, for any input: checked here on hand-picked edge cases and on random strings over an
 * alphabet of every printable ASCII character plus a few that force the full path.
 */
class PartsShortcutTest {
    private static final String ALPHABET;

    static {
        StringBuilder b = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            b.append(c);
        }
        // Extra weight on what host names are made of, so that valid domains come up often.
        b.append("abcxyz019-.-.-.".repeat(4));
        b.append("\t\u00e9\u00df\u03a3\u3002\uff21\u200b\u05d0");
        ALPHABET = b.toString();
    }

    private static final List<String> EDGES = List.of(
            "a", "A", "-", "a-", "-a", "a-b", "xn--", "xn--a", "XN--bcher-kva", "xn--bcher-kva", "xn--bcher-kva.example",
            "ab--cd", "a.b", "a..b", ".a", "a.", "a..", "1.2.3.4", "1.2.3", "999.1.1.1", "1.2.3.4.5", "0", "a b",
            " a", "a ", "a@b", "a/b", "a\"b", "a&b", "a'b", "a:b", "a<b", "a>b", "\\20", "~", "_", "a_b",
            "x".repeat(63), "x".repeat(64), "x".repeat(63) + "." + "y".repeat(63), "x".repeat(1023), "x".repeat(1024),
            "a".repeat(63) + ".".repeat(1), "EXAMPLE.COM", "Example.Com.", "localhost", "[::1]", "[::1");

    private static String outcome(UnaryOperator<String> prepare, String input) {
        try {
            return "ok " + prepare.apply(input);
        } catch (JidFormatException e) {
            return "refused";
        }
    }

    private static List<String> inputs() {
        List<String> inputs = new ArrayList<>(EDGES);
        Random random = new Random(7622);
        for (int i = 0; i < 20_000; i++) {
            int length = 1 + random.nextInt(i % 10 == 0 ? 80 : 12);
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < length; j++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            inputs.add(s.toString());
        }
        return inputs;
    }

    private static int compare(UnaryOperator<String> withShortcut, UnaryOperator<String> full) {
        int accepted = 0;
        for (String input : inputs()) {
            String expected = outcome(full, input);
            assertEquals(expected, outcome(withShortcut, input), () -> "for '" + input + "'");
            accepted += expected.startsWith("ok") ? 1 : 0;
        }
        return accepted;
    }

    @Test
    void localpartShortcutAgreesWithPrecis() {
        // Both outcomes must come up often for the comparison to mean something.
        int accepted = compare(Parts::local, Parts::localByPrecis);
        assertTrue(accepted > 2_000 && accepted < 18_000, accepted + " accepted");
    }

    @Test
    void resourcepartShortcutAgreesWithPrecis() {
        int accepted = compare(Parts::resource, Parts::resourceByPrecis);
        assertTrue(accepted > 2_000 && accepted < 20_000, accepted + " accepted");
    }

    @Test
    void domainpartShortcutAgreesWithIdna() {
        int accepted = compare(Parts::domain, Parts::domainByIdna);
        assertTrue(accepted > 2_000 && accepted < 18_000, accepted + " accepted");
    }
}
