package im.hearth.protocol.feature.vcard;

import im.hearth.protocol.xml.Element;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The names of vcard-temp (XEP-0054) and vCard4 (XEP-0292), and the avatar hash of a vcard-temp
 * vCard as XEP-0153 section 4.1 defines it: the hex SHA-1 of the image bytes in PHOTO/BINVAL.
 */
public final class VCardTemp {
    public static final String NAMESPACE = "vcard-temp";
    public static final String ELEMENT = "vCard";
    /** XEP-0292 section 3: the vCard4 element over IQ. */
    public static final String VCARD4_NAMESPACE = "urn:ietf:params:xml:ns:vcard-4.0";
    public static final String VCARD4_ELEMENT = "vcard";

    private VCardTemp() {
    }

    /** What the PHOTO of a vCard says about the avatar (XEP-0153 section 4.1). */
    public sealed interface Photo {
        /** No PHOTO, an empty one, or one by URL (EXTVAL): no avatar to hash. */
        record None() implements Photo {
        }

        record Hash(String sha1Hex) implements Photo {
        }

        /** A BINVAL that is not base64: a decode failure. */
        record Malformed(String reason) implements Photo {
        }
    }

    public static Element empty() {
        return Element.of(ELEMENT, NAMESPACE);
    }

    public static Element emptyVCard4() {
        return Element.of(VCARD4_ELEMENT, VCARD4_NAMESPACE);
    }

    public static Photo photo(Element vcard) {
        Optional<String> binval = vcard.child("PHOTO", NAMESPACE).flatMap(p -> p.childText("BINVAL", NAMESPACE));
        if (binval.isEmpty()) {
            return new Photo.None();
        }
        // Clients wrap base64 at 76 columns (MIME), so whitespace inside is allowed.
        String compact = binval.get().replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            return new Photo.None();
        }
        byte[] image;
        try {
            image = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return new Photo.Malformed("PHOTO/BINVAL is not base64");
        }
        try {
            return new Photo.Hash(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(image)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
