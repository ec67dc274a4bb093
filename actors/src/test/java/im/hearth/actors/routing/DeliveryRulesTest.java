package im.hearth.actors.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import im.hearth.actors.routing.DeliveryRules.Decision;
import im.hearth.actors.routing.DeliveryRules.Resource;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.StanzaKind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per row of RFC 6121 section 8.5 as {@link DeliveryRules} implements it (docs/routing.md). */
class DeliveryRulesTest {
    private static final StanzaKind MESSAGE = StanzaKind.MESSAGE;
    private static final StanzaKind PRESENCE = StanzaKind.PRESENCE;
    private static final StanzaKind IQ = StanzaKind.IQ;

    private static final Decision DROP = new Decision.Drop();
    private static final Decision STORE = new Decision.StoreOffline();
    private static final Decision UNAVAILABLE = new Decision.Bounce(StanzaErrorCondition.SERVICE_UNAVAILABLE);

    private static Resource available(String name, int priority) {
        return new Resource(name, true, priority);
    }

    private static Resource connected(String name) {
        return new Resource(name, false, 0);
    }

    private static Decision deliverTo(String... resources) {
        return new Decision.DeliverTo(List.of(resources));
    }

    private static Decision toBare(StanzaKind kind, String type, Resource... resources) {
        return DeliveryRules.decide(kind, type, null, true, List.of(resources));
    }

    private static Decision toFull(StanzaKind kind, String type, String resource, Resource... resources) {
        return DeliveryRules.decide(kind, type, resource, true, List.of(resources));
    }

    private static Decision toNobody(StanzaKind kind, String type, String resource) {
        return DeliveryRules.decide(kind, type, resource, false, List.of());
    }

    /** 8.5.1: the account does not exist. */
    @Nested
    class NoSuchAccount {
        @Test
        void bouncesMessagesWithServiceUnavailable() {
            assertEquals(UNAVAILABLE, toNobody(MESSAGE, "chat", null));
            assertEquals(UNAVAILABLE, toNobody(MESSAGE, null, null));
            assertEquals(UNAVAILABLE, toNobody(MESSAGE, "normal", "phone"));
            assertEquals(UNAVAILABLE, toNobody(MESSAGE, "groupchat", null));
        }

        @Test
        void dropsMessageErrors() {
            // RFC 6120 8.3.1: an error is never answered with an error.
            assertEquals(DROP, toNobody(MESSAGE, "error", null));
        }

        @Test
        void dropsPresence() {
            assertEquals(DROP, toNobody(PRESENCE, null, null));
            assertEquals(DROP, toNobody(PRESENCE, "unavailable", "phone"));
            assertEquals(DROP, toNobody(PRESENCE, "subscribe", null));
        }

        @Test
        void bouncesIqRequestsAndDropsResponses() {
            assertEquals(UNAVAILABLE, toNobody(IQ, "get", null));
            assertEquals(UNAVAILABLE, toNobody(IQ, "set", "phone"));
            assertEquals(DROP, toNobody(IQ, "result", null));
            assertEquals(DROP, toNobody(IQ, "error", "phone"));
        }
    }

    /** 8.5.2.1: bare JID, at least one available resource. */
    @Nested
    class BareJidWithAvailableResources {
        @Test
        void chatGoesToTheHighestPriorityResource() {
            assertEquals(deliverTo("desk"), toBare(MESSAGE, "chat", available("phone", 1), available("desk", 5)));
        }

        @Test
        void normalGoesToTheHighestPriorityResource() {
            assertEquals(deliverTo("desk"), toBare(MESSAGE, "normal", available("phone", 0), available("desk", 2)));
        }

        @Test
        void messageWithoutTypeIsNormal() {
            assertEquals(deliverTo("desk"), toBare(MESSAGE, null, available("phone", 0), available("desk", 2)));
        }

        @Test
        void tiesAtTheHighestPriorityAllGetIt() {
            assertEquals(deliverTo("phone", "desk"),
                    toBare(MESSAGE, "chat", available("phone", 3), available("desk", 3), available("tablet", 1)));
            assertEquals(deliverTo("phone", "desk"),
                    toBare(MESSAGE, "normal", available("phone", 0), available("desk", 0)));
        }

        @Test
        void headlineGoesToEveryNonNegativeResource() {
            assertEquals(deliverTo("phone", "desk"),
                    toBare(MESSAGE, "headline", available("phone", 0), available("desk", 7), available("bot", -1)));
        }

        @Test
        void groupchatIsBounced() {
            assertEquals(UNAVAILABLE, toBare(MESSAGE, "groupchat", available("phone", 1)));
        }

        @Test
        void errorIsDropped() {
            assertEquals(DROP, toBare(MESSAGE, "error", available("phone", 1)));
        }

        @Test
        void negativePriorityResourcesNeverGetMessages() {
            assertEquals(deliverTo("phone"), toBare(MESSAGE, "chat", available("phone", 0), available("bot", -1)));
        }

        @Test
        void onlyNegativePriorityResourcesCountAsNoneAvailable() {
            // 8.5.2.1.1: handled as if there were no available resources (8.5.2.2).
            assertEquals(STORE, toBare(MESSAGE, "chat", available("bot", -1)));
            assertEquals(STORE, toBare(MESSAGE, "normal", available("bot", -5), available("bot2", -1)));
            assertEquals(DROP, toBare(MESSAGE, "headline", available("bot", -1)));
        }

        @Test
        void connectedButNotAvailableResourcesDoNotGetBareJidMessages() {
            assertEquals(deliverTo("desk"), toBare(MESSAGE, "chat", connected("phone"), available("desk", 0)));
        }

        @Test
        void presenceGoesToEveryAvailableResource() {
            // 8.5.2.1.2, whatever their priority.
            assertEquals(deliverTo("phone", "bot"),
                    toBare(PRESENCE, null, available("phone", 0), connected("desk"), available("bot", -1)));
            assertEquals(deliverTo("phone"), toBare(PRESENCE, "unavailable", available("phone", 0)));
        }

        @Test
        void probesAreNeverDeliveredToClients() {
            // RFC 6121 4.3.2: the server answers probes itself.
            assertEquals(DROP, toBare(PRESENCE, "probe", available("phone", 0)));
            assertEquals(DROP, toFull(PRESENCE, "probe", "phone", available("phone", 0)));
        }

        @Test
        void iqRequestsAreAnsweredByTheServerOnTheAccountsBehalf() {
            // 8.5.2.1.3: never delivered to a resource; nothing account-level is handled yet.
            assertEquals(UNAVAILABLE, toBare(IQ, "get", available("phone", 0)));
            assertEquals(UNAVAILABLE, toBare(IQ, "set", available("phone", 0)));
            assertEquals(DROP, toBare(IQ, "result", available("phone", 0)));
            assertEquals(DROP, toBare(IQ, "error", available("phone", 0)));
        }
    }

    /** 8.5.2.2: bare JID, no available resource. */
    @Nested
    class BareJidWithoutAvailableResources {
        @Test
        void chatAndNormalAreStoredOffline() {
            assertEquals(STORE, toBare(MESSAGE, "chat"));
            assertEquals(STORE, toBare(MESSAGE, "normal"));
            assertEquals(STORE, toBare(MESSAGE, null, connected("phone")));
        }

        @Test
        void headlineIsDropped() {
            assertEquals(DROP, toBare(MESSAGE, "headline"));
        }

        @Test
        void groupchatIsBounced() {
            assertEquals(UNAVAILABLE, toBare(MESSAGE, "groupchat"));
        }

        @Test
        void errorIsDropped() {
            assertEquals(DROP, toBare(MESSAGE, "error"));
        }

        @Test
        void presenceIsDropped() {
            // 8.5.2.2.2: not stored, not answered.
            assertEquals(DROP, toBare(PRESENCE, null));
            assertEquals(DROP, toBare(PRESENCE, "unavailable", connected("phone")));
        }

        @Test
        void iqRequestsAreBounced() {
            // 8.5.2.2.3
            assertEquals(UNAVAILABLE, toBare(IQ, "get"));
            assertEquals(DROP, toBare(IQ, "result"));
        }
    }

    /** 8.5.3.1: full JID of a bound resource. */
    @Nested
    class FullJidMatches {
        @Test
        void messagesGoToThatResourceWhateverTheirType() {
            for (String type : new String[] {"chat", "normal", null, "headline", "groupchat", "error"}) {
                assertEquals(deliverTo("phone"), toFull(MESSAGE, type, "phone", available("phone", 0), available("desk", 9)),
                        String.valueOf(type));
            }
        }

        @Test
        void evenANegativePriorityResourceGetsMessagesAddressedToIt() {
            assertEquals(deliverTo("bot"), toFull(MESSAGE, "chat", "bot", available("bot", -1)));
        }

        @Test
        void presenceGoesToThatResource() {
            assertEquals(deliverTo("phone"), toFull(PRESENCE, null, "phone", available("phone", 0)));
            assertEquals(deliverTo("phone"), toFull(PRESENCE, "unavailable", "phone", available("phone", 0)));
        }

        @Test
        void iqGoesToThatResource() {
            assertEquals(deliverTo("phone"), toFull(IQ, "get", "phone", available("phone", 0)));
            assertEquals(deliverTo("phone"), toFull(IQ, "result", "phone", available("phone", 0)));
        }

        @Test
        void aConnectedButNotAvailableResourceStillGetsStanzasForItsFullJid() {
            assertEquals(deliverTo("phone"), toFull(MESSAGE, "chat", "phone", connected("phone")));
            assertEquals(deliverTo("phone"), toFull(PRESENCE, null, "phone", connected("phone")));
            assertEquals(deliverTo("phone"), toFull(IQ, "set", "phone", connected("phone")));
        }
    }

    /** 8.5.3.2: full JID, no such resource. */
    @Nested
    class FullJidWithoutSuchResource {
        @Test
        void chatIsTreatedAsIfSentToTheBareJid() {
            assertEquals(deliverTo("desk"), toFull(MESSAGE, "chat", "gone", available("phone", 1), available("desk", 2)));
            assertEquals(STORE, toFull(MESSAGE, "chat", "gone"));
            assertEquals(STORE, toFull(MESSAGE, "chat", "gone", available("bot", -1)));
        }

        @Test
        void normalIsBounced() {
            assertEquals(UNAVAILABLE, toFull(MESSAGE, "normal", "gone", available("phone", 1)));
            assertEquals(UNAVAILABLE, toFull(MESSAGE, null, "gone"));
        }

        @Test
        void groupchatIsBounced() {
            assertEquals(UNAVAILABLE, toFull(MESSAGE, "groupchat", "gone", available("phone", 1)));
        }

        @Test
        void headlineIsDropped() {
            assertEquals(DROP, toFull(MESSAGE, "headline", "gone", available("phone", 1)));
        }

        @Test
        void errorIsDropped() {
            assertEquals(DROP, toFull(MESSAGE, "error", "gone", available("phone", 1)));
        }

        @Test
        void presenceIsDropped() {
            assertEquals(DROP, toFull(PRESENCE, null, "gone", available("phone", 1)));
            assertEquals(DROP, toFull(PRESENCE, "unavailable", "gone"));
        }

        @Test
        void iqRequestsGetServiceUnavailable() {
            assertEquals(UNAVAILABLE, toFull(IQ, "get", "gone", available("phone", 1)));
            assertEquals(UNAVAILABLE, toFull(IQ, "set", "gone"));
        }

        @Test
        void iqResponsesAreDropped() {
            assertEquals(DROP, toFull(IQ, "result", "gone", available("phone", 1)));
            assertEquals(DROP, toFull(IQ, "error", "gone"));
        }
    }

    /** RFC 6121 5.2.2: a type the server does not know is treated as normal. */
    @Nested
    class UnknownMessageType {
        @Test
        void isNormalForTheBareJid() {
            assertEquals(deliverTo("desk"), toBare(MESSAGE, "fancy", available("phone", 0), available("desk", 2)));
            assertEquals(STORE, toBare(MESSAGE, "fancy"));
        }

        @Test
        void isNormalForAMissingResource() {
            assertEquals(UNAVAILABLE, toFull(MESSAGE, "fancy", "gone", available("phone", 0)));
        }

        @Test
        void isNormalForAMissingAccount() {
            assertEquals(UNAVAILABLE, toNobody(MESSAGE, "fancy", null));
        }
    }
}
