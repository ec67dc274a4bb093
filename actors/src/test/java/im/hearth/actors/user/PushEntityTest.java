package im.hearth.actors.user;

import static im.hearth.actors.user.EntityHarness.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.feature.push.PushFeature;
import im.hearth.actors.feature.push.PushSettings;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.persistence.event.user.push.PushDisabled;
import im.hearth.persistence.event.user.push.PushEnabled;
import im.hearth.protocol.feature.push.PushPayload;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The User entity's push notifications (XEP-0357): registrations in the journal, a notification
 * for each message a registered device misses (offline, or its session hibernated), none while it
 * is connected, registrations removed when the app server refuses for good; bad requests refused.
 */
class PushEntityTest {
    private static final String APP = "push.example.org";
    private static ActorTestKit testKit;
    private EntityHarness h;

    @BeforeAll
    static void startSystem() {
        testKit = EntityHarness.testKit("PushEntityTest");
    }

    @AfterAll
    static void stopSystem() {
        testKit.shutdownTestKit();
    }

    private void account(PushSettings settings) {
        h = new EntityHarness(testKit, "juliet", List.of(new PushFeature(settings)));
    }

    private String enableIq(String resource, String node) {
        return "<iq xmlns='jabber:client' type='set' id='e-" + node + "' from='" + h.jid + "/" + resource + "'>"
                + "<enable xmlns='urn:xmpp:push:0' jid='" + APP + "' node='" + node + "'>"
                + "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
                + "<field var='secret'><value>s3cr3t</value></field></x></enable></iq>";
    }

    private TestProbe<SessionMessage> registered(String resource, String node) {
        TestProbe<SessionMessage> session = h.online(resource);
        var result = h.entity.<Done>runCommand(r -> new UserEntity.AccountIq(resource,
                im.hearth.protocol.stream.XmlReader.parse(enableIq(resource, node)), r));
        PushEnabled enabled = result.eventOfType(PushEnabled.class);
        assertEquals(resource, enabled.resource());
        assertEquals(APP, enabled.jid());
        assertEquals("result", next(session).attr("type"));
        return session;
    }

    private void goOffline(String resource, TestProbe<SessionMessage> session) {
        h.entity.<Done>runCommand(r -> new UserEntity.Unbind(resource, session.ref(), r));
    }

    private void fromRomeo(String to) {
        h.deliver("<message xmlns='jabber:client' type='chat' id='r1' from='romeo@montague.example/orchard' to='" + to
                + "'><body>It is the east</body></message>");
    }

    @Test
    void anOfflineDeviceIsNotifiedWithoutSenderOrBodyByDefault() {
        account(PushSettings.DEFAULTS);
        goOffline("phone", registered("phone", "n1"));
        fromRomeo(h.jid);
        Element iq = h.nextRouted();
        assertEquals(APP, iq.attr("to"));
        assertEquals(h.jid, iq.attr("from"));
        assertEquals("set", iq.attr("type"));
        Element pubsub = iq.child("pubsub", PushPayload.PUBSUB).orElseThrow();
        assertEquals("n1", pubsub.child("publish", PushPayload.PUBSUB).orElseThrow().attr("node"));
        assertTrue(pubsub.child("publish-options", PushPayload.PUBSUB).orElseThrow().toString().contains("s3cr3t"));
        assertEquals(new PushPayload.Summary(1, null, null), PushPayload.summaryOf(iq).orElseThrow());

        fromRomeo(h.jid);
        assertEquals(2, PushPayload.summaryOf(h.nextRouted()).orElseThrow().messageCount(), "two wait offline");
    }

    @Test
    void senderAndBodyWhenConfigured() {
        account(new PushSettings(true, true, 5));
        goOffline("phone", registered("phone", "n1"));
        fromRomeo(h.jid);
        assertEquals(new PushPayload.Summary(1, "romeo@montague.example/orchard", "It is the east"),
                PushPayload.summaryOf(h.nextRouted()).orElseThrow());
    }

    @Test
    void aHibernatedSessionIsNotifiedAndAConnectedOneIsNot() {
        account(PushSettings.DEFAULTS);
        TestProbe<SessionMessage> phone = registered("phone", "n1");
        fromRomeo(h.jid);
        assertEquals("r1", next(phone).attr("id"));
        h.routed.expectNoMessage(EntityHarness.QUIET);

        h.entity.runCommand(new UserEntity.SessionHibernated("phone", phone.ref(), true));
        fromRomeo(h.jid);
        assertEquals("r1", next(phone).attr("id"), "queued in the hibernated session");
        assertEquals(APP, h.nextRouted().attr("to"));

        h.entity.runCommand(new UserEntity.SessionHibernated("phone", phone.ref(), false));
        fromRomeo(h.jid);
        next(phone);
        h.routed.expectNoMessage(EntityHarness.QUIET);
    }

    @Test
    void anotherDeviceOnlineDoesNotStopTheNotification() {
        account(PushSettings.DEFAULTS);
        goOffline("phone", registered("phone", "n1"));
        TestProbe<SessionMessage> laptop = h.online("laptop");
        fromRomeo(h.jid);
        assertEquals("r1", next(laptop).attr("id"));
        assertEquals("n1", h.nextRouted().child("pubsub", PushPayload.PUBSUB).orElseThrow()
                .child("publish", PushPayload.PUBSUB).orElseThrow().attr("node"));
    }

    @Test
    void anAppServerErrorOfTypeCancelDisablesTheRegistrationButNotAForgedOne() {
        account(PushSettings.DEFAULTS);
        goOffline("phone", registered("phone", "n1"));
        fromRomeo(h.jid);
        String id = h.nextRouted().attr("id");
        String error = "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";

        var forged = h.deliver("<iq xmlns='jabber:client' type='error' id='" + id + "' from='romeo@montague.example/orchard' to='"
                + h.jid + "'>" + error);
        assertTrue(forged.hasNoEvents(), "only the app server's answer counts");
        var wait = h.deliver("<iq xmlns='jabber:client' type='error' id='" + id + "' from='" + APP + "' to='" + h.jid + "'>"
                + "<error type='wait'><resource-constraint xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        assertTrue(wait.hasNoEvents(), "a temporary error keeps the registration");

        fromRomeo(h.jid);
        String second = h.nextRouted().attr("id");
        var refused = h.deliver("<iq xmlns='jabber:client' type='error' id='" + second + "' from='" + APP + "' to='" + h.jid + "'>"
                + error);
        assertEquals("app-server-error: item-not-found", refused.eventOfType(PushDisabled.class).reason());
        assertTrue(refused.state().push().isEmpty());
        fromRomeo(h.jid);
        h.routed.expectNoMessage(EntityHarness.QUIET);
    }

    @Test
    void theOldestRegistrationGivesWayPastTheLimit() {
        account(new PushSettings(false, false, 2));
        registered("phone", "n1");
        registered("tablet", "n2");
        var third = h.entity.<Done>runCommand(r -> new UserEntity.AccountIq("phone",
                im.hearth.protocol.stream.XmlReader.parse(enableIq("phone", "n3")), r));
        PushDisabled gone = third.eventOfType(PushDisabled.class);
        assertEquals("n1", gone.node());
        assertEquals("too-many-devices", gone.reason());
        assertEquals(List.of("n2", "n3"), third.state().push().registrations().stream()
                .map(im.hearth.actors.feature.push.PushRegistrations.Registration::node).toList());
    }

    @Test
    void disableByJidAndNodeOrByJid() {
        account(PushSettings.DEFAULTS);
        TestProbe<SessionMessage> phone = registered("phone", "n1");
        registered("tablet", "n2");
        h.accountIq("phone", "<iq xmlns='jabber:client' type='set' id='d1' from='" + h.jid + "/phone'>"
                + "<disable xmlns='urn:xmpp:push:0' jid='" + APP + "' node='n1'/></iq>");
        assertEquals("result", next(phone).attr("type"));
        var all = h.entity.<Done>runCommand(r -> new UserEntity.AccountIq("phone", im.hearth.protocol.stream.XmlReader.parse(
                "<iq xmlns='jabber:client' type='set' id='d2' from='" + h.jid + "/phone'>"
                        + "<disable xmlns='urn:xmpp:push:0' jid='" + APP + "'/></iq>"), r));
        assertNull(all.eventOfType(PushDisabled.class).node());
        assertTrue(all.state().push().isEmpty());
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        account(PushSettings.DEFAULTS);
        TestProbe<SessionMessage> phone = h.online("phone");
        assertRefused(phone, "<enable xmlns='urn:xmpp:push:0' jid='" + APP + "'/>", "set", StanzaErrorCondition.BAD_REQUEST);
        assertRefused(phone, "<enable xmlns='urn:xmpp:push:0' jid='a@b@c' node='n1'/>", "set",
                StanzaErrorCondition.JID_MALFORMED);
        assertRefused(phone, "<enable xmlns='urn:xmpp:push:0' jid='" + APP + "' node='n1'><x xmlns='jabber:x:data' "
                + "type='submit'><field var='FORM_TYPE'><value>urn:example:other</value></field></x></enable>", "set",
                StanzaErrorCondition.BAD_REQUEST);
        assertRefused(phone, "<disable xmlns='urn:xmpp:push:0' jid='" + APP + "' node='unknown'/>", "set",
                StanzaErrorCondition.ITEM_NOT_FOUND);
        assertRefused(phone, "<enable xmlns='urn:xmpp:push:0' jid='" + APP + "' node='n1'/>", "get",
                StanzaErrorCondition.BAD_REQUEST);

        var other = h.deliver("<iq xmlns='jabber:client' type='set' id='o1' from='romeo@montague.example/orchard' to='"
                + h.jid + "'><enable xmlns='urn:xmpp:push:0' jid='" + APP + "' node='evil'/></iq>");
        assertTrue(other.hasNoEvents());
        assertEquals(StanzaErrorCondition.FORBIDDEN, condition(h.nextRouted()));
        assertTrue(other.state().push().isEmpty());
    }

    private void assertRefused(TestProbe<SessionMessage> session, String payload, String type, StanzaErrorCondition expected) {
        var result = h.entity.<Done>runCommand(r -> new UserEntity.AccountIq("phone", im.hearth.protocol.stream.XmlReader.parse(
                "<iq xmlns='jabber:client' type='" + type + "' id='b' from='" + h.jid + "/phone'>" + payload + "</iq>"), r));
        assertTrue(result.hasNoEvents(), payload);
        assertEquals(expected, condition(next(session)), payload);
    }

    private static StanzaErrorCondition condition(Element reply) {
        assertEquals("error", reply.attr("type"));
        return StanzaError.parse(reply.child("error", Namespaces.CLIENT).orElseThrow()).orElseThrow().condition();
    }
}
