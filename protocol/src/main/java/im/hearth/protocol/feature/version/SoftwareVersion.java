package im.hearth.protocol.feature.version;

import im.hearth.protocol.xml.Element;
import java.util.Optional;

/** A software version answer (XEP-0092 section 2): name and version required, os optional (null). */
public record SoftwareVersion(String name, String version, String os) {
    public static final String NAMESPACE = "jabber:iq:version";

    public Element toElement() {
        Element.Builder b = Element.builder("query", NAMESPACE)
                .textChild("name", NAMESPACE, name).textChild("version", NAMESPACE, version);
        if (os != null) {
            b.textChild("os", NAMESPACE, os);
        }
        return b.build();
    }

    /** Empty when name or version is missing (both are REQUIRED in a result). */
    public static Optional<SoftwareVersion> parse(Element query) {
        Optional<String> name = query.childText("name", NAMESPACE);
        Optional<String> version = query.childText("version", NAMESPACE);
        if (!query.is("query", NAMESPACE) || name.isEmpty() || version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SoftwareVersion(name.get(), version.get(), query.childText("os", NAMESPACE).orElse(null)));
    }
}
