package im.hearth.protocol.jid;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import rocks.xmpp.precis.PrecisProfiles;

/** Preparation and enforcement of the three JID parts (RFC 7622 §3.2–3.4). */
final class Parts {

    /** RFC 7622 §3: each part is 1 to 1023 octets of UTF-8 once prepared. */
    static final int MAX_PART_BYTES = 1023;

    /**
     * Refuse absurdly long input before running PRECIS over it; preparation can shorten a
     * string only a little (normalization), so this bound never rejects a valid part.
     */
    private static final int MAX_INPUT_CHARS = 4 * MAX_PART_BYTES;

    /** RFC 7622 §3.3.1: code points allowed by UsernameCaseMapped but not in a localpart. */
    private static final String FORBIDDEN_IN_LOCAL = "\"&'/:<>@";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private Parts() {}

    static String local(String local) {
        return local(local, true);
    }

    /** {@link #local(String)} without the ASCII shortcut (for the test that compares the two). */
    static String localByPrecis(String local) {
        return local(local, false);
    }

    /**
     * True for a localpart that preparation leaves as it is: printable ASCII (PVALID in the
     * IdentifierClass, RFC 8264 §9.11), no upper case (the profile's only mapping of ASCII), none
     * of RFC 7622 §3.3.1's forbidden characters. Nearly every localpart on the wire, so PRECIS
     * (with IDNA, about 6 % of the server's CPU samples in the chat benchmark) runs only for the rest.
     */
    private static boolean isPreparedAsciiLocal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~' || (c >= 'A' && c <= 'Z') || FORBIDDEN_IN_LOCAL.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String local(String local, boolean asciiShortcut) {
        checkInput("localpart", local);
        if (asciiShortcut && isPreparedAsciiLocal(local)) {
            return checkLength("localpart", local, local.length()); // ASCII: one byte a character
        }
        String prepared;
        try {
            prepared = PrecisProfiles.USERNAME_CASE_MAPPED.enforce(local);
        } catch (IllegalArgumentException e) {
            throw new JidFormatException("invalid localpart '" + local + "': " + e.getMessage(), e);
        }
        for (int i = 0; i < prepared.length(); i++) {
            if (FORBIDDEN_IN_LOCAL.indexOf(prepared.charAt(i)) >= 0) {
                throw new JidFormatException("invalid localpart '" + local + "': character '"
                        + prepared.charAt(i) + "' is not allowed in a localpart (RFC 7622 §3.3.1)");
            }
        }
        return checkLength("localpart", prepared);
    }

    static String resource(String resource) {
        return resource(resource, true);
    }

    /** {@link #resource(String)} without the ASCII shortcut (for the test that compares the two). */
    static String resourceByPrecis(String resource) {
        return resource(resource, false);
    }

    /** Printable ASCII and space: FreeformClass values that OpaqueString maps to themselves (RFC 8265 §4.2). */
    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static String resource(String resource, boolean asciiShortcut) {
        checkInput("resourcepart", resource);
        if (asciiShortcut && isPrintableAscii(resource)) {
            return checkLength("resourcepart", resource, resource.length());
        }
        String prepared;
        try {
            prepared = PrecisProfiles.OPAQUE_STRING.enforce(resource);
        } catch (IllegalArgumentException e) {
            throw new JidFormatException("invalid resourcepart '" + resource + "': " + e.getMessage(), e);
        }
        return checkLength("resourcepart", prepared);
    }

    static String domain(String domain) {
        return domain(domain, true);
    }

    private static String domain(String domain, boolean ldhShortcut) {
        checkInput("domainpart", domain);
        String d = domain;
        // RFC 7622 §3.2: a final label separator is stripped (one only: "a.." stays invalid).
        char last = d.charAt(d.length() - 1);
        if (last == '.' || last == '\u3002' || last == '\uFF0E' || last == '\uFF61') {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty()) {
            throw new JidFormatException("domainpart is empty");
        }
        if (d.startsWith("[")) {
            return ipv6Literal(domain, d);
        }
        if (d.charAt(0) >= '0' && d.charAt(0) <= '9' && IPV4.matcher(d).matches()) {
            if (!isIpv4(d)) {
                throw new JidFormatException("invalid domainpart '" + domain + "': not an IPv4 address");
            }
            return d;
        }
        if (ldhShortcut && isLdhName(d)) {
            return checkLength("domainpart", d.toLowerCase(Locale.ROOT), d.length());
        }
        return idnaDomain(domain, d);
    }

    /**
     * True for a host name that IDNA maps to itself but for case: ASCII letters, digits and
     * hyphens in labels of 1 to 63 characters that neither start nor end with a hyphen, and no
     * "xn--" label (that one is decoded to Unicode). Nearly every domain on the wire.
     */
    private static boolean isLdhName(String d) {
        int labelStart = 0;
        for (int i = 0; i <= d.length(); i++) {
            char c = i < d.length() ? d.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || d.charAt(labelStart) == '-' || d.charAt(i - 1) == '-'
                        || (length >= 4 && d.regionMatches(true, labelStart, "xn--", 0, 4))) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@link #domain(String)} without the host-name shortcut (for the test that compares the two). */
    static String domainByIdna(String domain) {
        return domain(domain, false);
    }

    private static String idnaDomain(String domain, String d) {
        String unicode;
        try {
            // Java's IDN is IDNA2003: toASCII validates the labels (LDH rules, label lengths)
            // and maps full-width and other compatibility forms; toUnicode gives back U-labels.
            String ascii = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES);
            unicode = IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new JidFormatException("invalid domainpart '" + domain + "': " + e.getMessage(), e);
        }
        if (unicode.isEmpty() || unicode.startsWith(".") || unicode.endsWith(".") || unicode.contains("..")) {
            throw new JidFormatException("invalid domainpart '" + domain + "': empty label");
        }
        return checkLength("domainpart", unicode.toLowerCase(Locale.ROOT));
    }

    /** An IPv6 literal in brackets (RFC 3986 §3.2.2), as RFC 7622 §3.2 allows; lower-cased. */
    private static String ipv6Literal(String original, String d) {
        if (!d.endsWith("]") || !isIpv6(d.substring(1, d.length() - 1))) {
            throw new JidFormatException("invalid domainpart '" + original + "': not an IPv6 literal");
        }
        return d.toLowerCase(Locale.ROOT);
    }

    private static boolean isIpv6(String address) {
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon < 0 ? address : address.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : address.substring(doubleColon + 2);
        int groups = 0;
        String[][] sides = {head.isEmpty() ? new String[0] : head.split(":", -1),
                tail.isEmpty() ? new String[0] : tail.split(":", -1)};
        for (int side = 0; side < 2; side++) {
            String[] parts = sides[side];
            for (int i = 0; i < parts.length; i++) {
                boolean lastGroup = (side == 1 || doubleColon < 0) && i == parts.length - 1;
                if (lastGroup && isIpv4(parts[i])) {
                    groups += 2; // an embedded IPv4 address, as in ::ffff:192.0.2.1
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return doubleColon < 0 ? groups == 8 : groups <= 7;
    }

    private static boolean isIpv4(String address) {
        if (!IPV4.matcher(address).matches()) {
            return false;
        }
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static void checkInput(String part, String value) {
        if (value == null || value.isEmpty()) {
            throw new JidFormatException(part + " is empty");
        }
        if (value.length() > MAX_INPUT_CHARS) {
            throw new JidFormatException(part + " is longer than " + MAX_PART_BYTES + " bytes");
        }
    }

    private static String checkLength(String part, String prepared) {
        return checkLength(part, prepared, prepared.getBytes(StandardCharsets.UTF_8).length);
    }

    /** As {@link #checkLength(String, String)}, with the UTF-8 length known (a shortcut's ASCII). */
    private static String checkLength(String part, String prepared, int bytes) {
        if (bytes == 0) {
            throw new JidFormatException(part + " is empty");
        }
        if (bytes > MAX_PART_BYTES) {
            throw new JidFormatException(part + " is " + bytes + " bytes long, more than "
                    + MAX_PART_BYTES + " (RFC 7622 §3)");
        }
        return prepared;
    }
}
