package im.hearth.actors.feature.sm;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.sm.SmNonza;
import im.hearth.protocol.xml.Element;
import java.util.List;

/**
 * Stream management (XEP-0198 section 2): offers {@code <sm xmlns='urn:xmpp:sm:3'/>} after
 * authentication. Acks, hibernation and resumption are the client session's work; disabling
 * this feature ({@code hearth.modules.disabled = [sm]}) turns them off. Settings: {@link SmSettings}.
 */
public final class StreamManagementFeature implements Feature {
    public static final String NAME = "sm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Element> streamFeatures() {
        return List.of(SmNonza.feature());
    }
}
