package im.hearth.actors.feature.pep;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountOutcome.Effect;
import im.hearth.actors.user.UserState;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.pep.PepItemPublished;
import im.hearth.persistence.event.user.pep.PepNodeConfigured;
import im.hearth.persistence.event.user.vcard.VCardSet;
import im.hearth.protocol.feature.pubsub.PubSub;
import im.hearth.protocol.feature.vcard.VCardTemp;
import im.hearth.protocol.stream.XmlReader;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Node;
import im.hearth.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * XEP-0398: a user avatar published with XEP-0084 also becomes the vCard PHOTO (and so the
 * XEP-0153 hash), and a vCard PHOTO set by an older client is published as a XEP-0084 avatar
 * (data and metadata, item id the SHA-1 hex of the image). Neither direction triggers the other.
 */
public final class AvatarConversion {
    public static final String DATA = "urn:xmpp:avatar:data";
    public static final String METADATA = "urn:xmpp:avatar:metadata";

    private AvatarConversion() {
    }

    /**
     * The vCard event that follows a metadata publish: the PHOTO of the image the metadata names
     * (from the data node), or none for an empty metadata (avatar switched off, XEP-0084 4.4).
     * Empty when there is nothing to convert or the vCard would pass {@code vcardMaxBytes}.
     */
    public static Optional<UserEvent> vcardFor(UserState state, Element metadata, Instant now, int vcardMaxBytes) {
        List<Element> infos = metadata.children("info", METADATA).stream().filter(i -> i.attr("url") == null).toList();
        Element vcard = state.vcards().vcardTemp() != null ? XmlReader.parse(state.vcards().vcardTemp()) : VCardTemp.empty();
        List<Node> kept = new ArrayList<>();
        for (Node n : vcard.children()) {
            if (!(n instanceof Element e && e.is("PHOTO", VCardTemp.NAMESPACE))) {
                kept.add(n);
            }
        }
        if (!infos.isEmpty()) {
            Element info = infos.get(0);
            Optional<String> data = state.pep().node(DATA).flatMap(n -> n.items().stream()
                    .filter(i -> i.id().equals(info.attr("id"))).findFirst())
                    .map(i -> XmlReader.parse(i.payloadXml()).text());
            if (data.isEmpty()) {
                return Optional.empty(); // the image was not published first (XEP-0084 4.1 order)
            }
            kept.add(Element.builder("PHOTO", VCardTemp.NAMESPACE)
                    .textChild("TYPE", VCardTemp.NAMESPACE, info.attr("type") == null ? "image/png" : info.attr("type"))
                    .textChild("BINVAL", VCardTemp.NAMESPACE, data.get()).build());
        } else if (kept.size() == vcard.children().size()) {
            return Optional.empty(); // no PHOTO to take away
        }
        Element next = vcard.withChildren(kept);
        VCardTemp.Photo photo = VCardTemp.photo(next);
        String xml = XmlWriter.write(next);
        if (photo instanceof VCardTemp.Photo.Malformed || xml.getBytes(StandardCharsets.UTF_8).length > vcardMaxBytes) {
            return Optional.empty();
        }
        return Optional.of(new VCardSet(xml, photo instanceof VCardTemp.Photo.Hash h ? h.sha1Hex() : "", now));
    }

    /**
     * The PEP events (and metadata notification) that publish a vCard's PHOTO as a XEP-0084
     * avatar; empty when the photo is already the published avatar, absent, or over the PEP limits.
     */
    public static Optional<AccountOutcome> avatarFor(UserState state, Element vcard, String sha1Hex, Instant now,
                                                     PepSettings settings) {
        Optional<Element> photo = vcard.child("PHOTO", VCardTemp.NAMESPACE);
        Optional<String> binval = photo.flatMap(p -> p.childText("BINVAL", VCardTemp.NAMESPACE))
                .map(b -> b.replaceAll("\\s+", ""));
        if (sha1Hex == null || sha1Hex.isEmpty() || binval.isEmpty()
                || state.pep().node(METADATA).flatMap(Pep.PepNode::last).map(i -> i.id().equals(sha1Hex)).orElse(false)) {
            return Optional.empty();
        }
        String type = photo.flatMap(p -> p.childText("TYPE", VCardTemp.NAMESPACE)).orElse("image/png");
        Element data = Element.builder("data", DATA).text(binval.get()).build();
        Element metadata = Element.builder("metadata", METADATA).child(Element.builder("info", METADATA)
                .attr("id", sha1Hex).attr("type", type)
                .attr("bytes", Integer.toString(Base64.getDecoder().decode(binval.get()).length)).build()).build();
        String dataXml = XmlWriter.write(data);
        int nodesToMake = (state.pep().node(DATA).isEmpty() ? 1 : 0) + (state.pep().node(METADATA).isEmpty() ? 1 : 0);
        if (dataXml.getBytes(StandardCharsets.UTF_8).length > settings.maxItemBytes()
                || state.pep().nodes().size() + nodesToMake > settings.maxNodes()) {
            return Optional.empty();
        }
        List<UserEvent> events = new ArrayList<>();
        for (String node : List.of(DATA, METADATA)) {
            if (state.pep().node(node).isEmpty()) {
                events.add(new PepNodeConfigured(node, NodeConfig.DEFAULTS, now));
            }
        }
        events.add(new PepItemPublished(DATA, sha1Hex, dataXml, now));
        events.add(new PepItemPublished(METADATA, sha1Hex, XmlWriter.write(metadata), now));
        String access = state.pep().node(METADATA).map(Pep.PepNode::accessModel).orElse(NodeConfig.PRESENCE);
        return Optional.of(new AccountOutcome(events, List.of(new Effect.Notify(METADATA, access,
                PubSub.itemsEvent(METADATA, List.of(new PubSub.Item(sha1Hex, metadata)))))));
    }
}
