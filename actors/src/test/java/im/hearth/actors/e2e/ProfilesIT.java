package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.bookmarks.BookmarkedConference;
import org.jivesoftware.smackx.iqprivate.PrivateDataManager;
import org.jivesoftware.smackx.iqprivate.packet.DefaultPrivateData;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Profiles and private storage end to end: Smack's vcard-temp (XEP-0054), private XML (XEP-0049)
 * and legacy bookmarks (XEP-0048) against a server on embedded PostgreSQL, then again after a
 * restart on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfilesIT {
    /** A tiny image's bytes: what matters is that they come back unchanged, with their hash. */
    private static final byte[] PHOTO = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private Map<String, Object> settings;
    private HearthServer server;

    @BeforeAll
    void start() throws Exception {
        settings = new java.util.HashMap<>(TestServer.base(Files.createTempDirectory("hearth-profiles"),
                TestDatabases.newPostgresDatabase()));
        settings.put("hearth.vcard.max-size", "8k");
        server = TestServer.start(settings);
        TestServer.addUsers(server, List.of("alice", "bob"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user, String resource) throws Exception {
        return Clients.loggedIn(server, user, resource);
    }

    private static EntityBareJid jid(String s) throws Exception {
        return JidCreate.entityBareFrom(s);
    }

    @Test
    void vcardBookmarksAndPrivateXmlAreKeptAndSurviveARestart() throws Exception {
        XMPPTCPConnection alice = login("alice", "home");
        XMPPTCPConnection bob = login("bob", "home");
        String hash;
        try {
            assertTrue(VCardManager.getInstanceFor(alice).isSupported(JidCreate.from("localhost")),
                    "the server advertises vcard-temp");
            assertEquals(null, VCardManager.getInstanceFor(bob).loadVCard(jid("alice@localhost")).getFirstName(),
                    "no vCard yet is an empty one");

            VCard mine = new VCard();
            mine.setFirstName("Alice");
            mine.setNickName("ally");
            mine.setAvatar(PHOTO, "image/png");
            hash = mine.getAvatarHash();
            VCardManager.getInstanceFor(alice).saveVCard(mine);

            VCard seen = VCardManager.getInstanceFor(bob).loadVCard(jid("alice@localhost"));
            assertEquals("Alice", seen.getFirstName());
            assertEquals("ally", seen.getNickName());
            assertArrayEquals(PHOTO, seen.getAvatar());
            assertEquals(hash, seen.getAvatarHash());
            assertEquals("Alice", VCardManager.getInstanceFor(alice).loadVCard().getFirstName(), "own vCard");

            VCard huge = new VCard();
            huge.setFirstName("Alice");
            huge.setAvatar(new byte[16 * 1024], "image/png");
            XMPPException.XMPPErrorException tooBig = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> VCardManager.getInstanceFor(alice).saveVCard(huge));
            assertEquals(StanzaError.Condition.not_acceptable, tooBig.getStanzaError().getCondition());

            PrivateDataManager privateData = PrivateDataManager.getInstanceFor(alice);
            DefaultPrivateData prefs = new DefaultPrivateData("prefs", "hearth:test:prefs");
            prefs.setValue("theme", "dark");
            privateData.setPrivateData(prefs);
            assertEquals("dark", ((DefaultPrivateData) privateData.getPrivateData("prefs", "hearth:test:prefs"))
                    .getValue("theme"));

            BookmarkManager.getBookmarkManager(alice).addBookmarkedConference("Tea", jid("tea@groupchat.localhost"),
                    true, Resourcepart.from("alice"), null);

            XMPPException.XMPPErrorException foreign = assertThrows(XMPPException.XMPPErrorException.class,
                    () -> bob.sendIqRequestAndWaitForResponse(otherVCardFor("alice@localhost")));
            assertEquals(StanzaError.Condition.forbidden, foreign.getStanzaError().getCondition());
        } finally {
            alice.disconnect();
            bob.disconnect();
        }

        server.close();
        server = TestServer.start(settings);
        XMPPTCPConnection again = login("alice", "later");
        XMPPTCPConnection bobAgain = login("bob", "later");
        try {
            VCard seen = VCardManager.getInstanceFor(bobAgain).loadVCard(jid("alice@localhost"));
            assertEquals("Alice", seen.getFirstName(), "the vCard comes back from the journal");
            assertEquals(hash, seen.getAvatarHash());
            assertEquals("dark", ((DefaultPrivateData) PrivateDataManager.getInstanceFor(again)
                    .getPrivateData("prefs", "hearth:test:prefs")).getValue("theme"));
            List<BookmarkedConference> rooms = BookmarkManager.getBookmarkManager(again).getBookmarkedConferences();
            assertEquals(1, rooms.size());
            assertEquals(jid("tea@groupchat.localhost"), rooms.get(0).getJid());
            assertTrue(rooms.get(0).isAutoJoin());
            assertEquals("alice", rooms.get(0).getNickname().toString());
        } finally {
            again.disconnect();
            bobAgain.disconnect();
        }
    }

    /** A vCard set addressed to someone else's account (Smack's saveVCard never sets 'to'). */
    private static VCard otherVCardFor(String owner) throws Exception {
        VCard v = new VCard();
        v.setFirstName("Mallory");
        v.setTo(JidCreate.from(owner));
        v.setType(IQ.Type.set);
        return v;
    }
}
