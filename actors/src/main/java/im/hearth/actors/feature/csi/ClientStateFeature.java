package im.hearth.actors.feature.csi;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.csi.ClientStateNonza;
import im.hearth.protocol.xml.Element;
import java.util.List;

/**
 * Client state indication (XEP-0352 section 3): offers {@code <csi xmlns='urn:xmpp:csi:0'/>} after
 * authentication; the session holds back unimportant traffic while its client is inactive.
 * Disabled with {@code hearth.modules.disabled = [csi]}. Settings: {@link CsiSettings}.
 */
public final class ClientStateFeature implements Feature {
    public static final String NAME = "csi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Element> streamFeatures() {
        return List.of(ClientStateNonza.feature());
    }
}
