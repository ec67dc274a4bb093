package im.hearth.actors.feature.caps;

import im.hearth.actors.feature.Feature;
import im.hearth.protocol.feature.caps.Caps;
import im.hearth.protocol.feature.disco.DiscoInfo;
import im.hearth.protocol.xml.Element;
import java.util.List;
import java.util.function.Supplier;

/**
 * Entity capabilities of the server (XEP-0115 section 6.3): a {@code <c/>} stream feature offered
 * after authentication, its ver the SHA-1 of the server's own disco#info (identities, features,
 * extended forms; section 5). The disco#info is taken once, on first use, since the catalogue does
 * not change while the node runs. No settings.
 */
public final class CapsFeature implements Feature {
    /** The URI naming the software (XEP-0115 section 4, 'node'). */
    public static final String NODE = "https://hearth.im";

    private final Supplier<DiscoInfo> serverInfo;
    private volatile Caps caps;

    public CapsFeature(Supplier<DiscoInfo> serverInfo) {
        this.serverInfo = serverInfo;
    }

    public Caps caps() {
        Caps c = caps;
        if (c == null) {
            c = Caps.sha1(NODE, serverInfo.get());
            caps = c;
        }
        return c;
    }

    /** The node a client asks disco#info about to check the hash (section 6.2): node#ver. */
    public String capsNode() {
        return NODE + "#" + caps().ver();
    }

    @Override
    public String name() {
        return "caps";
    }

    @Override
    public List<String> discoFeatures() {
        return List.of(Caps.NAMESPACE);
    }


    @Override
    public List<Element> streamFeatures() {
        return List.of(caps().toElement());
    }
}
