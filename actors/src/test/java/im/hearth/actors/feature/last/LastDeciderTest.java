package im.hearth.actors.feature.last;

import static im.hearth.actors.feature.AccountRequests.NOW;
import static im.hearth.actors.feature.AccountRequests.errorCondition;
import static im.hearth.actors.feature.AccountRequests.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.AccountRequest;
import im.hearth.actors.feature.AccountRequests;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.persistence.event.user.last.LastLogout;
import im.hearth.persistence.event.user.roster.SubscriptionChanged;
import im.hearth.protocol.feature.last.LastActivity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LastDeciderTest {
    private static final String ALICE = "alice@localhost";
    private static final String QUERY = "<query xmlns='jabber:iq:last'/>";
    private static final LastSeen LEFT_90S_AGO = LastSeen.EMPTY.apply(new LastLogout(NOW.minusSeconds(90), "Gone fishing"));

    private static Roster subscription(String contact, String kind) {
        return Roster.EMPTY.apply(new SubscriptionChanged(contact, kind, false, false, false, NOW.minusSeconds(900)));
    }

    private static AccountRequest ask(String from, String type, boolean online) {
        AccountRequest r = AccountRequests.request(ALICE, from, type, QUERY);
        return new AccountRequest(r.account(), r.from(), r.iq(), r.payload(), r.now(), online);
    }

    private static LastActivity answer(AccountOutcome outcome) {
        assertEquals(Optional.empty(), errorCondition(outcome));
        assertTrue(outcome.events().isEmpty());
        return LastActivity.parse(reply(outcome).firstChild().orElseThrow()).orElseThrow();
    }

    @Test
    void aContactWithSubscriptionFromGetsTheSecondsSinceLogoutAndTheStatus() {
        AccountOutcome out = LastDecider.decide(LEFT_90S_AGO, subscription("bob@localhost", "from"),
                ask("bob@localhost/pc", "get", false));
        assertEquals(new LastActivity(90, "Gone fishing"), answer(out));
    }

    @Test
    void aContactWithSubscriptionBothIsAllowedToo() {
        AccountOutcome out = LastDecider.decide(LEFT_90S_AGO, subscription("bob@localhost", "both"),
                ask("bob@localhost/pc", "get", false));
        assertEquals(90, answer(out).seconds());
    }

    @Test
    void someoneWithoutSubscriptionFromIsForbidden() {
        assertEquals(Optional.of("forbidden"), errorCondition(LastDecider.decide(LEFT_90S_AGO,
                subscription("bob@localhost", "to"), ask("bob@localhost/pc", "get", false))));
        assertEquals(Optional.of("forbidden"), errorCondition(LastDecider.decide(LEFT_90S_AGO, Roster.EMPTY,
                ask("eve@localhost/x", "get", false))));
    }

    @Test
    void anOnlineAccountWasLastActiveNow() {
        AccountOutcome out = LastDecider.decide(LEFT_90S_AGO, subscription("bob@localhost", "both"),
                ask("bob@localhost/pc", "get", true));
        assertEquals(new LastActivity(0, null), answer(out));
    }

    @Test
    void anAccountThatNeverLoggedOutHasNoLastActivity() {
        assertEquals(Optional.of("item-not-found"), errorCondition(LastDecider.decide(LastSeen.EMPTY,
                subscription("bob@localhost", "both"), ask("bob@localhost/pc", "get", false))));
    }

    @Test
    void theOwnerMayAskWithoutASubscription() {
        assertEquals(90, answer(LastDecider.decide(LEFT_90S_AGO, Roster.EMPTY, ask(ALICE + "/phone", "get", false))).seconds());
    }

    @Test
    void aSetIsABadRequest() {
        assertEquals(Optional.of("bad-request"), errorCondition(LastDecider.decide(LEFT_90S_AGO,
                subscription("bob@localhost", "both"), ask("bob@localhost/pc", "set", false))));
    }

    @Test
    void theLogoutEvolvesIntoTheState() {
        assertEquals(new LastSeen(NOW.minusSeconds(90), "Gone fishing"), LEFT_90S_AGO);
        assertEquals(new LastSeen(NOW, null), LEFT_90S_AGO.apply(new LastLogout(NOW, null)));
    }
}
