package im.hearth.protocol.feature.mam;

import im.hearth.protocol.xml.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Archiving preferences (XEP-0441, in the {@code urn:xmpp:mam:2} namespace): the default
 * behaviour and the JIDs whose messages are always or never archived. The JIDs are kept as sent;
 * whether they are valid is for the caller.
 */
public record MamPrefs(Default defaultBehaviour, List<String> always, List<String> never) {

    /** The 'default' attribute: archive everything, nothing, or only contacts in the roster. */
    public enum Default {
        ALWAYS, NEVER, ROSTER;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Default> of(String value) {
            for (Default d : values()) {
                if (d.value().equals(value)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    public MamPrefs {
        always = List.copyOf(always);
        never = List.copyOf(never);
    }

    public Element toElement() {
        return Element.builder("prefs", MamQuery.NAMESPACE).attr("default", defaultBehaviour.value())
                .child(list("always", always)).child(list("never", never)).build();
    }

    private static Element list(String name, List<String> jids) {
        Element.Builder b = Element.builder(name, MamQuery.NAMESPACE);
        jids.forEach(j -> b.textChild("jid", MamQuery.NAMESPACE, j));
        return b.build();
    }

    /** Reads a {@code <prefs/>} of a set; empty when 'default' is missing or unknown. */
    public static Optional<MamPrefs> parse(Element prefs) {
        if (!prefs.is("prefs", MamQuery.NAMESPACE)) {
            return Optional.empty();
        }
        Optional<Default> d = Default.of(prefs.attr("default"));
        return d.map(value -> new MamPrefs(value, jids(prefs, "always"), jids(prefs, "never")));
    }

    private static List<String> jids(Element prefs, String name) {
        List<String> out = new ArrayList<>();
        prefs.child(name, MamQuery.NAMESPACE).ifPresent(l ->
                l.children("jid", MamQuery.NAMESPACE).forEach(j -> out.add(j.text().trim())));
        return out;
    }
}
