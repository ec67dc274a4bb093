package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.bookmarks.BookmarkedConference;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.pep.PepManager;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * PEP (XEP-0163) end to end with Smack's PepManager and PubSubManager on embedded PostgreSQL:
 * an OMEMO-style device list and bundle (XEP-0384) published by alice, read and followed by her
 * contact bob through '+notify' caps (XEP-0115), kept from a stranger; avatar metadata (XEP-0084)
 * notifications to alice's own other resource; the last item on a new resource's presence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PepIT {
    private static final String OMEMO = "eu.siacs.conversations.axolotl";
    private static final String DEVICES = OMEMO + ".devicelist";
    private static final String BUNDLE = OMEMO + ".bundles:31415";
    private static final String METADATA = "urn:xmpp:avatar:metadata";

    private static final String ERRORS = "http://jabber.org/protocol/pubsub#errors";

    static {
        // Smack parses an unknown element in an error with a provider that asserts a non-empty
        // default-namespace prefix, which the StAX parser does not give under -ea: read the
        // XEP-0060 error conditions this test meets with a plain provider instead.
        for (String condition : List.of("payload-too-big", "presence-subscription-required", "precondition-not-met")) {
            ProviderManager.addExtensionProvider(condition, ERRORS, new ExtensionElementProvider<StandardExtensionElement>() {
                @Override
                public StandardExtensionElement parse(XmlPullParser parser, int depth, XmlEnvironment environment)
                        throws XmlPullParserException, java.io.IOException {
                    ParserUtils.forwardToEndTagOfDepth(parser, depth);
                    return StandardExtensionElement.builder(condition, ERRORS).build();
                }
            });
        }
    }

    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(TestServer.base(Files.createTempDirectory("hearth-pep"),
                TestDatabases.newPostgresDatabase()));
        settings.put("hearth.pep.max-item-size", "4k");
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob", "carol"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** A connection whose client wants these nodes' notifications ('+notify' in its caps) and records them. */
    private XMPPTCPConnection login(String user, String resource, Queue<String> events, String... notify) throws Exception {
        XMPPTCPConnection c = Clients.forUser(server, user, resource);
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        for (String node : notify) {
            // What PepManager.addPepEventListener does (XEP-0163 4.4), without its typed payload
            // listener, which cannot take the generic payloads used here: the events are read raw below.
            ServiceDiscoveryManager.getInstanceFor(c).addFeature(node + "+notify");
        }
        c.addAsyncStanzaListener(s -> {
            Message m = (Message) s;
            if (m.hasExtension("event", "http://jabber.org/protocol/pubsub#event")) {
                events.add(m.getFrom() + " " + m.toXML().toString().replace('"', '\''));
            }
        }, StanzaTypeFilter.MESSAGE);
        c.connect().login();
        Roster.getInstanceFor(c).reloadAndWait();
        return c;
    }

    private static BareJid jid(String user) throws Exception {
        return JidCreate.bareFrom(user + "@localhost");
    }

    private static PayloadItem<StandardExtensionElement> deviceList(String... ids) {
        StandardExtensionElement.Builder list = StandardExtensionElement.builder("list", OMEMO);
        for (String id : ids) {
            list.addElement(StandardExtensionElement.builder("device", OMEMO).addAttribute("id", id).build());
        }
        return new PayloadItem<>("current", list.build());
    }

    /** A publish with publish-options (XEP-0060 7.1.5), which PepManager does not offer, as raw XML. */
    private static final class PublishWithOptions extends IQ {
        private final String inner;

        PublishWithOptions(String node, String itemXml, String accessModel) {
            this(node, itemXml, accessModel, "");
        }

        PublishWithOptions(String node, String itemXml, String accessModel, String moreFields) {
            super("pubsub", "http://jabber.org/protocol/pubsub");
            setType(Type.set);
            this.inner = "<publish node='" + node + "'>" + itemXml + "</publish><publish-options>"
                    + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                    + "<value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                    + "<field var='pubsub#access_model'><value>" + accessModel + "</value></field>" + moreFields
                    + "</x></publish-options>";
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.append(inner);
            return xml;
        }
    }

    private static String itemsXml(List<Item> items) {
        StringBuilder s = new StringBuilder();
        items.forEach(i -> s.append(i.toXML().toString().replace('"', '\'')));
        return s.toString();
    }

    private static void subscribeBothWays(XMPPTCPConnection a, XMPPTCPConnection b, String an, String bn) throws Exception {
        Roster ra = Roster.getInstanceFor(a);
        Roster rb = Roster.getInstanceFor(b);
        ra.createItemAndRequestSubscription(jid(bn), bn, null);
        rb.createItemAndRequestSubscription(jid(an), an, null);
        Conditions.await("subscribed both ways", () -> ra.getEntry(jid(bn)) != null
                && ra.getEntry(jid(bn)).getType() == RosterPacket.ItemType.both
                && rb.getEntry(jid(an)) != null && rb.getEntry(jid(an)).getType() == RosterPacket.ItemType.both);
    }

    @Test
    void omemoDeviceListAndBundleReachTheContactAndNotTheStranger() throws Exception {
        Queue<String> aliceEvents = new ConcurrentLinkedQueue<>();
        Queue<String> bobEvents = new ConcurrentLinkedQueue<>();
        Queue<String> carolEvents = new ConcurrentLinkedQueue<>();
        XMPPTCPConnection alice = login("alice", "home", aliceEvents);
        XMPPTCPConnection bob = login("bob", "home", bobEvents, DEVICES);
        XMPPTCPConnection carol = login("carol", "home", carolEvents, DEVICES);
        try {
            subscribeBothWays(alice, bob, "alice", "bob");
            assertTrue(PepManager.getInstanceFor(alice).isSupported(), "the account advertises PEP (XEP-0163 section 9)");

            PepManager.getInstanceFor(alice).publish(DEVICES, deviceList("1"));
            alice.sendIqRequestAndWaitForResponse(new PublishWithOptions(BUNDLE,
                    "<item id='current'><bundle xmlns='" + OMEMO + "'><signedPreKeyPublic signedPreKeyId='1'>BQ==</signedPreKeyPublic>"
                    + "<signedPreKeySignature>BA==</signedPreKeySignature><identityKey>BQ==</identityKey>"
                    + "<prekeys><preKeyPublic preKeyId='1'>BQ==</preKeyPublic></prekeys></bundle></item>", "open"));

            PubSubManager alicesPepForBob = PubSubManager.getInstanceFor(bob, jid("alice"));
            LeafNode devices = alicesPepForBob.getLeafNode(DEVICES);
            assertTrue(itemsXml(devices.getItems()).contains("<device id='1'/>"), "bob reads the device list");
            assertTrue(itemsXml(alicesPepForBob.getLeafNode(BUNDLE).getItems()).contains("BA=="));
            Conditions.await("bob got the device list through +notify", () -> bobEvents.stream()
                    .anyMatch(e -> e.startsWith("alice@localhost ") && e.contains("<device id='1'/>")));

            PepManager.getInstanceFor(alice).publish(DEVICES, deviceList("1", "2"));
            Conditions.await("bob is told of the new device", () -> bobEvents.stream().anyMatch(e -> e.contains("<device id='2'/>")));

            PubSubManager alicesPepForCarol = PubSubManager.getInstanceFor(carol, jid("alice"));
            assertTrue(itemsXml(alicesPepForCarol.getLeafNode(BUNDLE).getItems()).contains("BQ=="), "the bundle is open");
            XMPPException.XMPPErrorException denied = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> PubSubManager.getInstanceFor(carol, jid("alice")).getLeafNode(DEVICES).getItems());
            assertEquals(StanzaError.Condition.not_authorized, denied.getStanzaError().getCondition(),
                    "a stranger cannot read a presence node");

            PublishWithOptions intruding = new PublishWithOptions(DEVICES, "<item id='current'><list xmlns='"
                    + OMEMO + "'/></item>", "presence");
            intruding.setTo(jid("alice"));
            XMPPException.XMPPErrorException forbidden = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> bob.sendIqRequestAndWaitForResponse(intruding));
            assertEquals(StanzaError.Condition.forbidden, forbidden.getStanzaError().getCondition(),
                    "only alice publishes to alice's PEP");

            XMPPException.XMPPErrorException tooBig = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> PepManager.getInstanceFor(alice).publish(BUNDLE, new PayloadItem<>("current",
                            StandardExtensionElement.builder("bundle", OMEMO).setText("A".repeat(5000)).build())));
            assertEquals(StanzaError.Condition.not_acceptable, tooBig.getStanzaError().getCondition());
            assertTrue(tooBig.getStanzaError().getExtension("payload-too-big", ERRORS) != null, "with payload-too-big");
            assertTrue(itemsXml(alicesPepForCarol.getLeafNode(BUNDLE).getItems()).contains("BQ=="), "the old bundle stays");
            assertTrue(carolEvents.isEmpty(), "the stranger was never notified: " + carolEvents);
        } finally {
            alice.disconnect();
            bob.disconnect();
            carol.disconnect();
        }

        // XEP-0163 4.3.2: a resource that comes online wanting the node gets its last item.
        Queue<String> laterEvents = new ConcurrentLinkedQueue<>();
        XMPPTCPConnection bobLater = login("bob", "later", laterEvents, DEVICES);
        try {
            Conditions.await("the last device list on presence", () -> laterEvents.stream()
                    .anyMatch(e -> e.startsWith("alice@localhost ") && e.contains("<device id='2'/>")));
        } finally {
            bobLater.disconnect();
        }
    }

    @Test
    void avatarMetadataReachesTheOwnersOtherResourceAndNativeBookmarksShowInPrivateXml() throws Exception {
        Queue<String> phoneEvents = new ConcurrentLinkedQueue<>();
        XMPPTCPConnection desk = login("alice", "desk", new ConcurrentLinkedQueue<>());
        XMPPTCPConnection phone = login("alice", "phone", phoneEvents, METADATA);
        try {
            PepManager.getInstanceFor(desk).publish(METADATA, new PayloadItem<>("5f1a", StandardExtensionElement
                    .builder("metadata", METADATA).addElement(StandardExtensionElement.builder("info", METADATA)
                            .addAttribute("id", "5f1a").addAttribute("bytes", "4").addAttribute("type", "image/png").build())
                    .build()));
            Conditions.await("the phone is told of the new avatar (XEP-0084 4.2)", () -> phoneEvents.stream()
                    .anyMatch(e -> e.startsWith("alice@localhost ") && e.contains("id='5f1a'")));

            // XEP-0402: a native bookmark, private to alice, kept with every other one.
            desk.sendIqRequestAndWaitForResponse(new PublishWithOptions("urn:xmpp:bookmarks:1",
                    "<item id='tea@conference.localhost'><conference xmlns='urn:xmpp:bookmarks:1' name='Tea' autojoin='true'>"
                            + "<nick>alice</nick></conference></item>", "whitelist",
                    "<field var='pubsub#max_items'><value>max</value></field>"));
            List<BookmarkedConference> rooms = BookmarkManager.getBookmarkManager(phone).getBookmarkedConferences();
            assertEquals(1, rooms.size(), "the XEP-0048 view of the native bookmarks");
            assertEquals("tea@conference.localhost", rooms.get(0).getJid().toString());
            assertEquals("Tea", rooms.get(0).getName());
            assertTrue(rooms.get(0).isAutoJoin());

            XMPPTCPConnection bob = login("bob", "snoop", new ConcurrentLinkedQueue<>());
            try {
                XMPPException.XMPPErrorException closed = assertThrows(XMPPException.XMPPErrorException.class,
                        () -> PubSubManager.getInstanceFor(bob, jid("alice")).getLeafNode("urn:xmpp:bookmarks:1").getItems());
                assertEquals(StanzaError.Condition.item_not_found, closed.getStanzaError().getCondition(),
                        "bookmarks are not even shown to others");
            } finally {
                bob.disconnect();
            }
        } finally {
            desk.disconnect();
            phone.disconnect();
        }
    }
}
