package im.hearth.actors.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.typesafe.config.ConfigFactory;
import im.hearth.actors.feature.privatexml.PrivateXml;
import im.hearth.actors.feature.vcard.VCards;
import im.hearth.persistence.event.user.AccountCreated;
import im.hearth.persistence.event.user.MessageArchived;
import im.hearth.persistence.event.user.privatexml.PrivateXmlStored;
import im.hearth.persistence.event.user.vcard.VCard4Set;
import im.hearth.persistence.event.user.vcard.VCardSet;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The profile parts of the user's state: evolved from their events, and kept in snapshots. */
class UserStateProfilesTest {
    private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");
    private static ActorTestKit testKit;

    @BeforeAll
    static void start() {
        testKit = ActorTestKit.create("UserStateProfilesTest",
                ConfigFactory.parseString("pekko.actor.provider = local").withFallback(ConfigFactory.load()));
    }

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    private static UserState withProfiles() {
        UserState s = UserState.EMPTY.apply(new AccountCreated("alice@localhost", List.of(), T));
        s = s.apply(new VCardSet("<vCard xmlns='vcard-temp'><FN>Alice</FN></vCard>", "", T));
        s = s.apply(new VCard4Set("<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>", T));
        s = s.apply(new im.hearth.persistence.event.user.pep.PepNodeConfigured("urn:xmpp:nick",
                im.hearth.actors.feature.pep.NodeConfig.DEFAULTS, T));
        s = s.apply(new im.hearth.persistence.event.user.pep.PepItemPublished("urn:xmpp:nick", "current",
                "<nick xmlns='http://jabber.org/protocol/nick'>Alice</nick>", T));
        return s.apply(new PrivateXmlStored("storage", "storage:bookmarks", "<storage xmlns='storage:bookmarks'/>", T));
    }

    @Test
    void profileEventsEvolveTheirPartsAndOthersLeaveThemAlone() {
        UserState s = withProfiles();
        assertEquals(new VCards("<vCard xmlns='vcard-temp'><FN>Alice</FN></vCard>", "",
                "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>"), s.vcards());
        assertEquals(1, s.privateXml().stored().size());
        UserState after = s.apply(new MessageArchived("a1", T, MessageArchived.Direction.OUTGOING, "bob@localhost",
                "<message xmlns='jabber:client'/>"));
        assertSame(s, after);
    }

    @Test
    void aSnapshotKeepsVCardsPrivateXmlAndPepNodes() throws Exception {
        UserState s = withProfiles();
        assertEquals(1, s.pep().node("urn:xmpp:nick").orElseThrow().items().size());
        Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
        byte[] bytes = serialization.serialize(s).get();
        String manifest = Serializers.manifestFor(serialization.findSerializerFor(s), s);
        Object back = serialization.deserialize(bytes, serialization.findSerializerFor(s).identifier(), manifest).get();
        assertEquals(s, back);
    }

    @Test
    void anOldSnapshotWithoutProfilesReadsAsEmptyProfiles() {
        UserState old = new UserState(true, List.of(), List.of(), null, null, null, null, null, null, null, null);
        assertEquals(VCards.EMPTY, old.vcards());
        assertEquals(im.hearth.actors.feature.pep.Pep.EMPTY, old.pep());
        assertEquals(im.hearth.actors.feature.last.LastSeen.EMPTY, old.lastSeen());
        assertEquals(PrivateXml.EMPTY, old.privateXml());
        assertEquals(im.hearth.actors.feature.push.PushRegistrations.EMPTY, old.push());
    }
}
