package im.hearth.protocol.feature.caps;

import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.xml.Element;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Entity capabilities (XEP-0115): the {@code <c/>} element and the verification string of
 * section 5.1, computed from a disco#info answer (identities, features, extended forms).
 */
public record Caps(String hash, String node, String ver) {
    public static final String NAMESPACE = "http://jabber.org/protocol/caps";

    public static Caps sha1(String node, DiscoInfo info) {
        return new Caps("sha-1", node, ver(info));
    }

    public Element toElement() {
        return Element.builder("c", NAMESPACE).attr("hash", hash).attr("node", node).attr("ver", ver).build();
    }

    public static Caps parse(Element c) {
        return new Caps(c.attr("hash"), c.attr("node"), c.attr("ver"));
    }

    /** Base64 of the SHA-1 of {@link #verificationString}. */
    public static String ver(DiscoInfo info) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(verificationString(info).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }

    /**
     * XEP-0115 section 5.1: identities sorted by category/type/lang, each
     * "category/type/lang/name<"; then features sorted, each "feature<"; then the extended forms
     * sorted by FORM_TYPE, each its FORM_TYPE, then its other fields sorted by var, each var and
     * its sorted values. Sorting is by octets of the UTF-8 strings ("i;octet").
     */
    public static String verificationString(DiscoInfo info) {
        StringBuilder s = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (DiscoInfo.Identity i : info.identities()) {
            ids.add(nz(i.category()) + "/" + nz(i.type()) + "/" + nz(i.lang()) + "/" + nz(i.name()));
        }
        ids.sort(OCTETS);
        ids.forEach(i -> s.append(i).append('<'));
        info.features().stream().distinct().sorted(OCTETS).forEach(f -> s.append(f).append('<'));
        List<DataForm> forms = new ArrayList<>(info.extensions().stream().filter(f -> f.formType().isPresent()).toList());
        forms.sort(Comparator.comparing(f -> f.formType().orElseThrow(), OCTETS));
        for (DataForm form : forms) {
            s.append(form.formType().orElseThrow()).append('<');
            List<DataForm.Field> fields = new ArrayList<>(form.fields().stream()
                    .filter(f -> f.var() != null && !DataForm.FORM_TYPE.equals(f.var())).toList());
            fields.sort(Comparator.comparing(DataForm.Field::var, OCTETS));
            for (DataForm.Field f : fields) {
                s.append(f.var()).append('<');
                f.values().stream().sorted(OCTETS).forEach(v -> s.append(v).append('<'));
            }
        }
        return s.toString();
    }

    private static final Comparator<String> OCTETS = (a, b) ->
            java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
