package im.hearth.actors.feature.pep;

import static im.hearth.actors.feature.AccountRequests.errorCondition;
import static im.hearth.actors.feature.AccountRequests.reply;
import static im.hearth.actors.feature.AccountRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.AccountOutcome;
import im.hearth.actors.feature.roster.Roster;
import im.hearth.persistence.event.user.UserEvent;
import im.hearth.persistence.event.user.roster.SubscriptionChanged;
import im.hearth.protocol.feature.pubsub.PubSub;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import im.hearth.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PEP service as a pure function (XEP-0163 over XEP-0060): state + request -> events and replies. */
class PepDeciderTest {
    private static final String ALICE = "alice@localhost";
    private static final String OWN = ALICE + "/phone";
    private static final String BOB = "bob@localhost/home";
    private static final String EVE = "eve@localhost/lair";
    private static final PepSettings SETTINGS = new PepSettings(2048, 3, 4);
    private static final Roster ROSTER = Roster.EMPTY.apply(
            new SubscriptionChanged("bob@localhost", "from", false, false, false, Instant.EPOCH));
    private static final String DEVICES = "eu.siacs.conversations.axolotl.devicelist";

    private Pep pep = Pep.EMPTY;

    private AccountOutcome send(String from, String type, String payload) {
        AccountOutcome out = PepDecider.decide(pep, ROSTER, request(ALICE, from, type, payload), SETTINGS);
        for (UserEvent e : out.events()) {
            pep = pep.apply(e);
        }
        return out;
    }

    private static String publish(String node, String id, String payload, String options) {
        return "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='" + node + "'>"
                + (id == null ? "<item>" : "<item id='" + id + "'>") + payload + "</item></publish>"
                + (options == null ? "" : "<publish-options><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + options + "</x></publish-options>") + "</pubsub>";
    }

    private static String field(String var, String value) {
        return "<field var='" + var + "'><value>" + value + "</value></field>";
    }

    private static String items(String node, String inner) {
        return "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='" + node + "'" + inner + "</pubsub>";
    }

    private static String list(int id) {
        return "<list xmlns='eu.siacs.conversations.axolotl'><device id='" + id + "'/></list>";
    }

    /** The pubsub#errors condition of an error reply, if any. */
    private static Optional<String> pubsubCondition(AccountOutcome out) {
        return reply(out).child("error", Namespaces.CLIENT).flatMap(e -> e.firstChild(PubSub.ERRORS)).map(Element::name);
    }

    private static List<String> itemIds(AccountOutcome out) {
        Element items = reply(out).child("pubsub", PubSub.NAMESPACE).orElseThrow().child("items", PubSub.NAMESPACE).orElseThrow();
        return items.children("item", PubSub.NAMESPACE).stream().map(i -> i.attr("id")).toList();
    }

    private static Optional<AccountOutcome.Effect.Notify> notification(AccountOutcome out) {
        return out.effects().stream().filter(e -> e instanceof AccountOutcome.Effect.Notify)
                .map(e -> (AccountOutcome.Effect.Notify) e).findFirst();
    }

    @Test
    void aPublishAutoCreatesTheNodeAnswersTheIdAndNotifies() {
        AccountOutcome out = send(OWN, "set", publish(DEVICES, "current", list(1), null));
        assertEquals(Optional.empty(), errorCondition(out));
        assertEquals("<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='" + DEVICES + "'><item id='current'/>"
                + "</publish></pubsub>", XmlWriter.write(reply(out).firstChild().orElseThrow()).replace('"', '\''));
        assertEquals(NodeConfig.PRESENCE, pep.node(DEVICES).orElseThrow().accessModel());
        AccountOutcome.Effect.Notify n = notification(out).orElseThrow();
        assertEquals(DEVICES, n.node());
        assertTrue(XmlWriter.write(n.event()).contains("<device id='1'/>"));
    }

    @Test
    void aPublishWithoutIdGetsOneAndTheDefaultNodeKeepsOnlyTheLastItem() {
        send(OWN, "set", publish("urn:xmpp:nick", null, "<nick xmlns='http://jabber.org/protocol/nick'>A</nick>", null));
        AccountOutcome second = send(OWN, "set", publish("urn:xmpp:nick", null, "<nick xmlns='http://jabber.org/protocol/nick'>B</nick>", null));
        String id = reply(second).firstChild().orElseThrow().firstChild().orElseThrow().firstChild().orElseThrow().attr("id");
        assertNotNull(id);
        assertEquals(List.of(id), itemIds(send(OWN, "get", items("urn:xmpp:nick", "/>"))));
    }

    @Test
    void maxItemsMaxKeepsUpToTheServiceLimitAndItemsAnswersTheNewestOrTheAskedIds() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(Optional.empty(), errorCondition(send(OWN, "set",
                    publish("urn:xmpp:bookmarks:1", "room" + i + "@muc", "<conference xmlns='urn:xmpp:bookmarks:1'/>",
                            field("pubsub#max_items", "max") + field("pubsub#access_model", "whitelist")))));
        }
        assertEquals(List.of("room3@muc", "room4@muc", "room5@muc"), itemIds(send(OWN, "get", items("urn:xmpp:bookmarks:1", "/>"))));
        assertEquals(List.of("room5@muc"), itemIds(send(OWN, "get", items("urn:xmpp:bookmarks:1", " max_items='1'/>"))));
        assertEquals(List.of("room4@muc"), itemIds(send(OWN, "get",
                items("urn:xmpp:bookmarks:1", "><item id='room4@muc'/></items>"))));
    }

    @Test
    void publishOptionsThatDifferFromAnExistingNodeAreAPreconditionNotMet() {
        send(OWN, "set", publish(DEVICES, "current", list(1), field("pubsub#access_model", "open")));
        AccountOutcome out = send(OWN, "set", publish(DEVICES, "current", list(2), field("pubsub#access_model", "presence")));
        assertEquals(Optional.of("conflict"), errorCondition(out));
        assertEquals(Optional.of("precondition-not-met"), pubsubCondition(out));
        assertEquals(Optional.empty(), errorCondition(send(OWN, "set",
                publish(DEVICES, "current", list(3), field("pubsub#access_model", "open") + field("pubsub#persist_items", "1")))));
        assertEquals(Optional.of("precondition-not-met"), pubsubCondition(send(OWN, "set",
                publish(DEVICES, "current", list(4), field("pubsub#frobnicate", "yes")))));
    }

    @Test
    void aPresenceNodeIsForTheOwnerAndContactsWithASubscriptionFromTheOwner() {
        send(OWN, "set", publish(DEVICES, "current", list(1), null));
        assertEquals(List.of("current"), itemIds(send(BOB, "get", items(DEVICES, "/>"))));
        AccountOutcome stranger = send(EVE, "get", items(DEVICES, "/>"));
        assertEquals(Optional.of("not-authorized"), errorCondition(stranger));
        assertEquals(Optional.of("presence-subscription-required"), pubsubCondition(stranger));
        send(OWN, "set", publish("urn:xmpp:bookmarks:1", "tea@muc", "<conference xmlns='urn:xmpp:bookmarks:1'/>",
                field("pubsub#access_model", "whitelist")));
        AccountOutcome closed = send(BOB, "get", items("urn:xmpp:bookmarks:1", "/>"));
        assertEquals(Optional.of("not-allowed"), errorCondition(closed));
        assertEquals(Optional.of("closed-node"), pubsubCondition(closed));
        send(OWN, "set", publish(DEVICES + ":bundles:1", "current", "<bundle xmlns='eu.siacs.conversations.axolotl'/>",
                field("pubsub#access_model", "open")));
        assertEquals(List.of("current"), itemIds(send(EVE, "get", items(DEVICES + ":bundles:1", "/>"))));
        assertEquals(Optional.of("item-not-found"), errorCondition(send(BOB, "get", items("nothing", "/>"))));
    }

    @Test
    void onlyTheOwnerPublishesRetractsConfiguresAndDeletes() {
        send(OWN, "set", publish(DEVICES, "current", list(1), null));
        assertEquals(Optional.of("forbidden"), errorCondition(send(BOB, "set", publish(DEVICES, "current", list(6), null))));
        assertEquals(Optional.of("forbidden"), errorCondition(send(BOB, "set",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub'><retract node='" + DEVICES + "'><item id='current'/></retract></pubsub>")));
        assertEquals(Optional.of("forbidden"), errorCondition(send(BOB, "set",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><delete node='" + DEVICES + "'/></pubsub>")));
        assertEquals(Optional.of("forbidden"), errorCondition(send(BOB, "get",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure node='" + DEVICES + "'/></pubsub>")));
        assertTrue(pep.node(DEVICES).orElseThrow().items().get(0).payloadXml().contains("id='1'"));
    }

    @Test
    void anItemOverTheSizeLimitIsNotAcceptable() {
        AccountOutcome out = send(OWN, "set", publish("urn:xmpp:avatar:data", "h",
                "<data xmlns='urn:xmpp:avatar:data'>" + "A".repeat(3000) + "</data>", null));
        assertEquals(Optional.of("not-acceptable"), errorCondition(out));
        assertEquals(Optional.of("payload-too-big"), pubsubCondition(out));
        assertTrue(pep.nodes().isEmpty(), "nothing was created");
    }

    @Test
    void malformedPublishesAreBadRequests() {
        String node = "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='n'>";
        assertEquals(Optional.of("item-required"), pubsubCondition(send(OWN, "set", node + "</publish></pubsub>")));
        assertEquals(Optional.of("invalid-payload"), pubsubCondition(send(OWN, "set",
                node + "<item id='a'><x xmlns='y'/></item><item id='b'><x xmlns='y'/></item></publish></pubsub>")));
        assertEquals(Optional.of("invalid-payload"), pubsubCondition(send(OWN, "set",
                node + "<item id='a'><x xmlns='y'/><z xmlns='y'/></item></publish></pubsub>")));
        assertEquals(Optional.of("payload-required"), pubsubCondition(send(OWN, "set", node + "<item id='a'/></publish></pubsub>")));
        assertEquals(Optional.of("nodeid-required"), pubsubCondition(send(OWN, "set",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub'><publish><item><x xmlns='y'/></item></publish></pubsub>")));
        AccountOutcome badForm = send(OWN, "set", node + "<item id='a'><x xmlns='y'/></item></publish>"
                + "<publish-options><x xmlns='jabber:x:data' type='form'/></publish-options></pubsub>");
        assertEquals(Optional.of("bad-request"), errorCondition(badForm));
        assertEquals(Optional.of("bad-request"), errorCondition(send(OWN, "get", items("n", " max_items='lots'/>"))));
        assertTrue(pep.nodes().isEmpty());
    }

    @Test
    void anAccountHasABoundedNumberOfNodes() {
        for (int i = 0; i < SETTINGS.maxNodes(); i++) {
            assertEquals(Optional.empty(), errorCondition(send(OWN, "set", publish("n" + i, "x", list(i), null))));
        }
        AccountOutcome out = send(OWN, "set", publish("one-too-many", "x", list(9), null));
        assertEquals(Optional.of("not-allowed"), errorCondition(out));
        assertEquals(Optional.of("max-nodes-exceeded"), pubsubCondition(out));
        assertFalse(pep.node("one-too-many").isPresent());
    }

    @Test
    void retractAndDeleteChangeTheNodeAndNotify() {
        send(OWN, "set", publish(DEVICES, "current", list(1), null));
        String retract = "<pubsub xmlns='http://jabber.org/protocol/pubsub'><retract node='" + DEVICES
                + "' notify='true'><item id='current'/></retract></pubsub>";
        AccountOutcome out = send(OWN, "set", retract);
        assertTrue(XmlWriter.write(notification(out).orElseThrow().event()).contains("<retract id='current'/>"));
        assertTrue(pep.node(DEVICES).orElseThrow().items().isEmpty());
        assertEquals(Optional.of("item-not-found"), errorCondition(send(OWN, "set", retract)));
        AccountOutcome deleted = send(OWN, "set",
                "<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><delete node='" + DEVICES + "'/></pubsub>");
        assertTrue(XmlWriter.write(notification(deleted).orElseThrow().event()).contains("<delete node="));
        assertTrue(pep.nodes().isEmpty());
    }

    @Test
    void theOwnerReadsAndChangesTheConfiguration() {
        send(OWN, "set", publish(DEVICES, "current", list(1), null));
        String get = "<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure node='" + DEVICES + "'/></pubsub>";
        assertTrue(XmlWriter.write(reply(send(OWN, "get", get))).contains("<value>presence</value>"));
        String set = "<pubsub xmlns='http://jabber.org/protocol/pubsub#owner'><configure node='" + DEVICES + "'>"
                + "<x xmlns='jabber:x:data' type='submit'>%s</x></configure></pubsub>";
        assertEquals(Optional.empty(), errorCondition(send(OWN, "set", String.format(set, field("pubsub#access_model", "open")))));
        assertEquals(NodeConfig.OPEN, pep.node(DEVICES).orElseThrow().accessModel());
        assertEquals(Optional.of("not-acceptable"), errorCondition(send(OWN, "set",
                String.format(set, field("pubsub#access_model", "roster")))));
        assertEquals(Optional.of("not-acceptable"), errorCondition(send(OWN, "set",
                String.format(set, field("pubsub#max_items", "1000")))));
    }

    @Test
    void subscriptionsAreNotPartOfThisSubset() {
        AccountOutcome out = send(BOB, "set", "<pubsub xmlns='http://jabber.org/protocol/pubsub'><subscribe node='x' jid='"
                + BOB + "'/></pubsub>");
        assertEquals(Optional.of("feature-not-implemented"), errorCondition(out));
        assertEquals(Optional.of("unsupported"), pubsubCondition(out));
    }
}
