package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.Map;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.iqregister.packet.Registration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;

/**
 * In-band registration (XEP-0077) with Smack's AccountManager, against two servers on embedded
 * PostgreSQL: one with {@code hearth.registration.allow = on} (limited to 3 per address and hour),
 * one with the default (off).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the per-address limit is shared: registrations first
class RegistrationIT {
    private HearthServer open;
    private HearthServer closed;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> on = TestServer.base(Files.createTempDirectory("hearth-ibr-on"), TestDatabases.newPostgresDatabase());
        on.put("hearth.registration.allow", true);
        on.put("hearth.registration.per-address-per-hour", 3);
        open = TestServer.start(on);
        closed = TestServer.start(TestServer.base(Files.createTempDirectory("hearth-ibr-off"),
                TestDatabases.newPostgresDatabase()));
        TestServer.addUser(closed, "olga@localhost", "olga-secret");
    }

    @AfterAll
    void stop() throws Exception {
        open.close();
        closed.close();
    }

    private static XMPPTCPConnection connection(HearthServer server, String user, String password) throws Exception {
        return Clients.starttls(server, user, password, "ibr", "SCRAM-SHA-256");
    }

    private static void register(HearthServer server, String user, String password) throws Exception {
        XMPPTCPConnection c = connection(server, user, password);
        try {
            c.connect();
            AccountManager accounts = AccountManager.getInstance(c);
            accounts.createAccount(Localpart.from(user), password);
        } finally {
            c.disconnect();
        }
    }

    private static void login(HearthServer server, String user, String password) throws Exception {
        XMPPTCPConnection c = connection(server, user, password);
        try {
            c.connect().login();
            assertTrue(c.isAuthenticated());
        } finally {
            c.disconnect();
        }
    }

    private static void submit(XMPPTCPConnection c, String username, String password) throws Exception {
        Registration reg = new Registration(Map.of("username", username, "password", password));
        reg.setType(IQ.Type.set);
        reg.setTo(JidCreate.domainBareFrom("localhost"));
        // Before login Smack has no own JID for its IQ reply filter: match the id, as AccountManager does.
        c.createStanzaCollectorAndSend(new StanzaIdFilter(reg.getStanzaId()), reg).nextResultOrThrow();
    }

    private static StanzaError.Condition condition(XMPPErrorException e) {
        return e.getStanzaError().getCondition();
    }

    @Test
    @Order(1)
    void registersChangesThePasswordDeletesAndRegistersAgain() throws Exception {
        XMPPTCPConnection probe = connection(open, "x", "y");
        probe.connect();
        assertTrue(AccountManager.getInstance(probe).supportsAccountCreation(), "stream feature offered");
        probe.disconnect();

        register(open, "romeo", "first");
        XMPPErrorException taken = assertThrows(XMPPErrorException.class, () -> register(open, "romeo", "other"));
        assertEquals(StanzaError.Condition.conflict, condition(taken));

        XMPPTCPConnection romeo = connection(open, "romeo", "first");
        romeo.connect().login();
        AccountManager.getInstance(romeo).changePassword("second");
        romeo.disconnect();
        login(open, "romeo", "second");
        assertThrows(SASLErrorException.class, () -> login(open, "romeo", "first"));

        XMPPTCPConnection again = connection(open, "romeo", "second");
        again.connect().login();
        try {
            AccountManager.getInstance(again).deleteAccount();
        } catch (SmackException.NotConnectedException closedFirst) {
            // The server writes the result, then the stream error (XEP-0077 3.2; the order on the
            // wire is AccountRemovalIT's); Smack may process the error before it hands the result
            // to this call. What counts here is that the account is gone.
            assertTrue(String.valueOf(closedFirst.getMessage()).contains("the account was removed"),
                    closedFirst.getMessage());
        }
        Conditions.await("the stream is closed after the removal", () -> !again.isConnected());
        assertThrows(SASLErrorException.class, () -> login(open, "romeo", "second"));

        register(open, "romeo", "third"); // the tombstone lets the name be taken again
        login(open, "romeo", "third");
    }

    @Test
    @Order(2)
    void refusesBadUsernamesEmptyPasswordsAndTooManyFromOneAddress() throws Exception {
        XMPPTCPConnection c = connection(open, "x", "y");
        try {
            c.connect();
            // Smack refuses both client-side, so the raw IQs.
            XMPPErrorException empty = assertThrows(XMPPErrorException.class, () -> submit(c, "mercutio", ""));
            assertEquals(StanzaError.Condition.not_acceptable, condition(empty));
            XMPPErrorException badName = assertThrows(XMPPErrorException.class, () -> submit(c, "mer@cutio", "x"));
            assertEquals(StanzaError.Condition.not_acceptable, condition(badName));
        } finally {
            c.disconnect();
        }
        // romeo (above) used at most 2 of the 3; fill up, then the next is refused.
        int made = 0;
        XMPPErrorException limited = null;
        for (int i = 0; i < 4 && limited == null; i++) {
            try {
                register(open, "tybalt" + i, "secret");
                made++;
            } catch (XMPPErrorException e) {
                limited = e;
            }
        }
        assertTrue(made >= 1 && made <= 3, "made " + made);
        assertEquals(StanzaError.Condition.resource_constraint, condition(limited));
    }

    @Test
    void closedServerRefusesRegistrationButAllowsPasswordChangeAndRemoval() throws Exception {
        XMPPTCPConnection c = connection(closed, "x", "y");
        try {
            c.connect();
            XMPPErrorException refused = assertThrows(XMPPErrorException.class,
                    () -> AccountManager.getInstance(c).createAccount(Localpart.from("paris"), "secret"));
            assertEquals(StanzaError.Condition.service_unavailable, condition(refused));
            assertFalse(c.isAuthenticated());
        } finally {
            c.disconnect();
        }
        XMPPTCPConnection olga = connection(closed, "olga", "olga-secret");
        olga.connect().login();
        AccountManager.getInstance(olga).changePassword("olga-new");
        olga.disconnect();
        login(closed, "olga", "olga-new");
    }
}
