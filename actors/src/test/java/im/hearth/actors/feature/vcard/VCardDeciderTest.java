package im.hearth.actors.feature.vcard;

import static im.hearth.actors.feature.AccountRequests.errorCondition;
import static im.hearth.actors.feature.AccountRequests.reply;
import static im.hearth.actors.feature.AccountRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.vcard.VCard4Set;
import im.hearth.persistence.event.user.vcard.VCardSet;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.XmlWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VCardDeciderTest {
    private static final String ALICE = "alice@localhost";
    private static final String VCARD = "<vCard xmlns='vcard-temp'><FN>Alice</FN><PHOTO><TYPE>image/png</TYPE>"
            + "<BINVAL>aGVsbG8=</BINVAL></PHOTO></vCard>";
    private static final VCardSettings SETTINGS = new VCardSettings(2048);

    private static VCards evolve(VCards state, AccountOutcome outcome) {
        for (UserEvent e : outcome.events()) {
            state = state.apply(e);
        }
        return state;
    }

    private static String payloadXml(AccountOutcome outcome) {
        Element reply = reply(outcome);
        assertEquals("result", reply.attr("type"));
        return XmlWriter.write(reply.firstChild().orElseThrow()).replace('"', '\'');
    }

    @Test
    void ownerSetsThenReadsTheVCardWithItsPhotoHash() {
        AccountOutcome set = VCardDecider.decide(VCards.EMPTY, request(ALICE, ALICE + "/phone", "set", VCARD), SETTINGS);
        assertEquals(Optional.empty(), errorCondition(set));
        assertEquals(1, set.events().size());
        VCardSet event = (VCardSet) set.events().get(0);
        assertEquals("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", event.photoHash());
        VCards state = evolve(VCards.EMPTY, set);
        assertEquals(Optional.of("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d"), state.avatarHash());

        AccountOutcome get = VCardDecider.decide(state, request(ALICE, ALICE + "/laptop", "get",
                "<vCard xmlns='vcard-temp'/>"), SETTINGS);
        assertTrue(get.events().isEmpty());
        assertEquals(VCARD, payloadXml(get));
    }

    @Test
    void anotherUserReadsTheVCard() {
        VCards state = evolve(VCards.EMPTY, VCardDecider.decide(VCards.EMPTY,
                request(ALICE, ALICE + "/phone", "set", VCARD), SETTINGS));
        AccountOutcome get = VCardDecider.decide(state, request(ALICE, "bob@localhost/home", "get",
                "<vCard xmlns='vcard-temp'/>"), SETTINGS);
        assertEquals(VCARD, payloadXml(get));
        assertEquals("bob@localhost/home", reply(get).attr("to"));
    }

    @Test
    void noVCardYetIsAnEmptyResult() {
        AccountOutcome get = VCardDecider.decide(VCards.EMPTY, request(ALICE, "bob@localhost/home", "get",
                "<vCard xmlns='vcard-temp'/>"), SETTINGS);
        assertEquals("<vCard xmlns='vcard-temp'/>", payloadXml(get));
        AccountOutcome get4 = VCardDecider.decide(VCards.EMPTY, request(ALICE, ALICE + "/a", "get",
                "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>"), SETTINGS);
        assertEquals("<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>", payloadXml(get4));
    }

    @Test
    void anotherUserMayNotSetTheVCard() {
        AccountOutcome set = VCardDecider.decide(VCards.EMPTY, request(ALICE, "mallory@localhost/x", "set", VCARD),
                SETTINGS);
        assertEquals(Optional.of("forbidden"), errorCondition(set));
        assertTrue(set.events().isEmpty());
    }

    @Test
    void anOversizedVCardIsNotAcceptable() {
        String big = "<vCard xmlns='vcard-temp'><DESC>" + "x".repeat(3000) + "</DESC></vCard>";
        AccountOutcome set = VCardDecider.decide(VCards.EMPTY, request(ALICE, ALICE + "/phone", "set", big), SETTINGS);
        assertEquals(Optional.of("not-acceptable"), errorCondition(set));
        assertTrue(set.events().isEmpty());
    }

    @Test
    void malformedPayloadsAreBadRequests() {
        assertEquals(Optional.of("bad-request"), errorCondition(VCardDecider.decide(VCards.EMPTY,
                request(ALICE, ALICE + "/phone", "set",
                        "<vCard xmlns='vcard-temp'><PHOTO><BINVAL>!!not base64!!</BINVAL></PHOTO></vCard>"), SETTINGS)));
        assertEquals(Optional.of("bad-request"), errorCondition(VCardDecider.decide(VCards.EMPTY,
                request(ALICE, ALICE + "/phone", "get", "<card xmlns='vcard-temp'/>"), SETTINGS)));
    }

    @Test
    void aVCardWithoutPhotoHasAnEmptyHashAndVCard4IsKeptApart() {
        VCards state = evolve(VCards.EMPTY, VCardDecider.decide(VCards.EMPTY, request(ALICE, ALICE + "/phone", "set",
                "<vCard xmlns='vcard-temp'><FN>Alice</FN></vCard>"), SETTINGS));
        assertEquals(Optional.of(""), state.avatarHash());
        String v4 = "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>Alice</text></fn></vcard>";
        AccountOutcome set4 = VCardDecider.decide(state, request(ALICE, ALICE + "/phone", "set", v4), SETTINGS);
        assertTrue(set4.events().get(0) instanceof VCard4Set);
        state = evolve(state, set4);
        assertEquals(v4, payloadXml(VCardDecider.decide(state, request(ALICE, "bob@localhost/b", "get",
                "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>"), SETTINGS)));
        assertEquals("<vCard xmlns='vcard-temp'><FN>Alice</FN></vCard>", payloadXml(VCardDecider.decide(state,
                request(ALICE, "bob@localhost/b", "get", "<vCard xmlns='vcard-temp'/>"), SETTINGS)));
    }
}
