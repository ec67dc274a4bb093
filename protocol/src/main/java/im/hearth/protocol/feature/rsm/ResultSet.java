package im.hearth.protocol.feature.rsm;

import im.hearth.protocol.xml.Element;
import java.util.Optional;

/**
 * One XEP-0059 {@code <set/>}. As a request: {@code max} (section 2.1), and the page cursor
 * {@code after} (2.2) or {@code before} (2.3), where an empty {@code <before/>} asks for the last
 * page (2.5). As an answer: {@code first}, {@code last} and {@code count} (2.6). Absent values are
 * null; a {@code max} below zero or not a number makes the set malformed.
 */
public record ResultSet(Integer max, String after, String before, String first, String last, Integer count) {
    public static final String NAMESPACE = "http://jabber.org/protocol/rsm";

    public static ResultSet request(Integer max, String after, String before) {
        return new ResultSet(max, after, before, null, null, null);
    }

    public static ResultSet answer(String first, String last, Integer count) {
        return new ResultSet(null, null, null, first, last, count);
    }

    /** True when the request pages backwards (it has a {@code before}, possibly empty). */
    public boolean backwards() {
        return before != null;
    }

    public Element toElement() {
        Element.Builder b = Element.builder("set", NAMESPACE);
        if (max != null) {
            b.textChild("max", NAMESPACE, Integer.toString(max));
        }
        if (after != null) {
            b.textChild("after", NAMESPACE, after);
        }
        if (before != null) {
            b.child(before.isEmpty() ? Element.of("before", NAMESPACE)
                    : Element.builder("before", NAMESPACE).text(before).build());
        }
        if (first != null) {
            b.textChild("first", NAMESPACE, first);
        }
        if (last != null) {
            b.textChild("last", NAMESPACE, last);
        }
        if (count != null) {
            b.textChild("count", NAMESPACE, Integer.toString(count));
        }
        return b.build();
    }

    /** Reads a {@code <set/>}; empty when it is not one or a number in it is malformed or negative. */
    public static Optional<ResultSet> parse(Element set) {
        if (!set.is("set", NAMESPACE)) {
            return Optional.empty();
        }
        Integer max;
        Integer count;
        try {
            max = number(set, "max");
            count = number(set, "count");
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if ((max != null && max < 0) || (count != null && count < 0)) {
            return Optional.empty();
        }
        return Optional.of(new ResultSet(max, set.childText("after", NAMESPACE).orElse(null),
                set.childText("before", NAMESPACE).orElse(null), set.childText("first", NAMESPACE).orElse(null),
                set.childText("last", NAMESPACE).orElse(null), count));
    }

    private static Integer number(Element set, String name) {
        Optional<String> text = set.childText(name, NAMESPACE);
        if (text.isEmpty()) {
            return null;
        }
        // A value beyond int is still a valid request for "everything": the server caps it.
        java.math.BigInteger n = new java.math.BigInteger(text.get().trim());
        return n.bitLength() > 31 ? (n.signum() < 0 ? -1 : Integer.MAX_VALUE) : n.intValue();
    }
}
