package im.hearth.actors.feature.version;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.version.SoftwareVersion;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import java.util.List;
import java.util.Map;

/**
 * Software version (XEP-0092) of the server: name Hearth, the version from the jar's manifest
 * (or the build's version when run from classes). The operating system is named only with
 * {@code hearth.version.show-os} (section 5: it helps attackers).
 */
public final class VersionFeature implements Feature {
    public static final String NAME = "Hearth";
    /** The project's version, for runs from classes where the jar manifest is absent. */
    static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    private final SoftwareVersion answer;

    public VersionFeature(boolean showOs) {
        String v = VersionFeature.class.getPackage().getImplementationVersion();
        this.answer = new SoftwareVersion(NAME, v == null ? FALLBACK_VERSION : v,
                showOs ? System.getProperty("os.name") + " " + System.getProperty("os.version") : null);
    }

    @Override
    public String name() {
        return "version";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(SoftwareVersion.NAMESPACE);
    }

    @Override
    public Map<String, IqHandler> serverIqHandlers() {
        return Map.of(SoftwareVersion.NAMESPACE, (iq, query) -> "get".equals(Stanzas.type(iq))
                ? Stanzas.iqResult(iq, answer.toElement())
                : Stanzas.errorReply(iq, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)));
    }
}
