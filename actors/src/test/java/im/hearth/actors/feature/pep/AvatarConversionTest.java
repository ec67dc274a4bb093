package im.hearth.actors.feature.pep;

import static im.hearth.actors.feature.AccountRequests.errorCondition;
import static im.hearth.actors.feature.AccountRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.vcard.VCardFeature;
import im.hearth.actors.feature.vcard.VCardSettings;
import im.hearth.actors.user.UserState;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.UserEvent;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** XEP-0398: a XEP-0084 avatar becomes the vCard PHOTO, and a vCard PHOTO a XEP-0084 avatar. */
class AvatarConversionTest {
    private static final String ALICE = "alice@localhost";
    private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final String B64 = Base64.getEncoder().encodeToString(IMAGE);
    private final PepSettings pepSettings = new PepSettings(4096, 8, 8);
    private final PepFeature pep = new PepFeature(pepSettings, new VCardSettings(8192));
    private final VCardFeature vcard = new VCardFeature(new VCardSettings(8192), pepSettings);
    private UserState state = UserState.EMPTY.apply(new AccountCreated(ALICE, List.of(), Instant.EPOCH));

    private static String sha1() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(IMAGE));
    }

    private AccountOutcome apply(AccountOutcome out) {
        assertEquals(Optional.empty(), errorCondition(out));
        for (UserEvent e : out.events()) {
            state = state.apply(e);
        }
        return out;
    }

    private AccountOutcome publish(String node, String id, String payload) {
        return apply(pep.handleIq(state, request(ALICE, ALICE + "/new", "set",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='" + node + "'><item id='" + id + "'>"
                        + payload + "</item></publish></pubsub>")));
    }

    @Test
    void aPublishedAvatarBecomesTheVCardPhotoAndItsHash() throws Exception {
        apply(vcard.handleIq(state, request(ALICE, ALICE + "/old", "set", "<vCard xmlns='vcard-temp'><FN>Alice</FN></vCard>")));
        publish(AvatarConversion.DATA, sha1(), "<data xmlns='urn:xmpp:avatar:data'>" + B64 + "</data>");
        publish(AvatarConversion.METADATA, sha1(), "<metadata xmlns='urn:xmpp:avatar:metadata'><info id='" + sha1()
                + "' bytes='8' type='image/png'/></metadata>");
        assertEquals(sha1(), state.vcards().photoHash());
        assertTrue(state.vcards().vcardTemp().contains("<FN>Alice</FN>"), "the rest of the vCard stays");
        assertTrue(state.vcards().vcardTemp().contains("<BINVAL>" + B64 + "</BINVAL>"));

        publish(AvatarConversion.METADATA, "off", "<metadata xmlns='urn:xmpp:avatar:metadata'/>");
        assertEquals("", state.vcards().photoHash(), "an empty metadata takes the photo away (XEP-0084 4.4)");
    }

    @Test
    void aVCardPhotoIsPublishedAsAnAvatar() throws Exception {
        AccountOutcome out = apply(vcard.handleIq(state, request(ALICE, ALICE + "/old", "set",
                "<vCard xmlns='vcard-temp'><PHOTO><TYPE>image/png</TYPE><BINVAL>" + B64 + "</BINVAL></PHOTO></vCard>")));
        assertEquals(List.of(sha1()), state.pep().node(AvatarConversion.DATA).orElseThrow().items().stream()
                .map(Pep.StoredItem::id).toList());
        assertTrue(state.pep().node(AvatarConversion.METADATA).orElseThrow().items().get(0).payloadXml()
                .contains("bytes='8'"));
        assertTrue(out.effects().stream().anyMatch(e -> e instanceof AccountOutcome.Effect.Notify n
                && n.node().equals(AvatarConversion.METADATA)), "contacts are told of the avatar");
        assertTrue(pep.accountDiscoFeatures().contains("urn:xmpp:pep-vcard-conversion:0"));
    }
}
