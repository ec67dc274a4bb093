package im.hearth.protocol.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The lexical pieces shared by the SCRAM messages (RFC 5802 §7) and PLAIN (RFC 4616 §2). */
final class Wire {

    private Wire() {}

    /** Strict UTF-8: malformed or overlong sequences are an error, not U+FFFD. */
    static Optional<String> utf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Base64 with padding and nothing else (RFC 5802 §7 base64; RFC 4648 §4, canonical). */
    static Optional<byte[]> base64(String s) {
        try {
            byte[] decoded = Base64.getDecoder().decode(s);
            // The JDK decoder accepts missing padding and non-zero pad bits; re-encoding catches both.
            return Base64.getEncoder().encodeToString(decoded).equals(s) ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /**
     * Decodes a saslname (RFC 5802 §5.1): "=2C" is ',', "=3D" is '=', any other '=' and any
     * ',' or NUL make it invalid; so does an empty name.
     */
    static Optional<String> saslname(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=') {
                if (s.startsWith("=2C", i)) {
                    out.append(',');
                } else if (s.startsWith("=3D", i)) {
                    out.append('=');
                } else {
                    return Optional.empty();
                }
                i += 2;
            } else if (c == ',' || c == '\0') {
                return Optional.empty();
            } else {
                out.append(c);
            }
        }
        return Optional.of(out.toString());
    }

    static String encodeSaslname(String s) {
        return s.replace("=", "=3D").replace(",", "=2C");
    }

    /** The printable characters of a nonce: %x21-7E except ','. */
    static boolean isNonce(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }

    /** An extension attribute: a letter, '=', and a value without NUL (RFC 5802 §7 attr-val). */
    static boolean isExtension(String s) {
        return s.length() >= 3 && isAlpha(s.charAt(0)) && s.charAt(1) == '=' && s.indexOf('\0') < 0;
    }

    /** cb-name = 1*(ALPHA / DIGIT / "." / "-"). */
    static boolean isCbName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
