package im.hearth.actors.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.HearthServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandResult;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Service administration (XEP-0133) over ad-hoc commands (XEP-0050) with Smack's
 * AdHocCommandManager, against a server on embedded PostgreSQL with {@code hearth.admins}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdHocCommandsIT {
    private static final String ADMIN = "http://jabber.org/protocol/admin#";
    private HearthServer server;
    private DomainBareJid domain;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> settings = TestServer.base(Files.createTempDirectory("hearth-adhoc"),
                TestDatabases.newPostgresDatabase());
        settings.put("hearth.admins", List.of("root@localhost"));
        server = TestServer.start(settings);
        TestServer.addUser(server, "root@localhost", "root-secret");
        TestServer.addUser(server, "mallory@localhost", "mallory-secret");
        domain = JidCreate.domainBareFrom("localhost");
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private XMPPTCPConnection login(String user, String password) throws Exception {
        XMPPTCPConnection c = Clients.starttls(server, user, password, "adhoc", "SCRAM-SHA-256");
        c.connect().login();
        return c;
    }

    /** Executes a command and, if it asks, completes it with the answers (a List for a *-multi field). */
    private static AdHocCommandResult run(XMPPTCPConnection c, String node, Map<String, ?> answers)
            throws Exception {
        AdHocCommand command = AdHocCommandManager.getInstance(c).getRemoteCommand(JidCreate.domainBareFrom("localhost"), node);
        AdHocCommandResult first = command.execute();
        if (answers.isEmpty()) {
            return first;
        }
        FillableForm form = first.asExecutingOrThrow().getFillableForm();
        answers.forEach((field, answer) -> {
            if (answer instanceof List<?> many) {
                form.setAnswer(field, many.stream().map(v -> (CharSequence) v.toString()).toList());
            } else {
                form.setAnswer(field, answer.toString());
            }
        });
        return command.complete(form.getSubmitForm());
    }

    @Test
    void adminListsCommandsAddsAUserChangesAPasswordAndAnnounces() throws Exception {
        XMPPTCPConnection root = login("root", "root-secret");
        try {
            DiscoverItems items = AdHocCommandManager.getInstance(root).discoverCommands(domain);
            assertTrue(items.getItems().stream().anyMatch(i -> (ADMIN + "add-user").equals(i.getNode())),
                    items.toXML().toString());

            AdHocCommandResult added = run(root, ADMIN + "add-user", Map.of("accountjid", "newbie@localhost",
                    "password", "newbie-secret", "password-verify", "newbie-secret"));
            assertTrue(added.isCompleted());
            XMPPTCPConnection newbie = login("newbie", "newbie-secret");
            BlockingQueue<Message> received = new ArrayBlockingQueue<>(4);
            newbie.addAsyncStanzaListener(s -> received.add((Message) s), MessageTypeFilter.HEADLINE);

            XMPPErrorException again = assertThrows(XMPPErrorException.class, () -> run(root, ADMIN + "add-user",
                    Map.of("accountjid", "newbie@localhost", "password", "x", "password-verify", "x")));
            assertEquals(StanzaError.Condition.conflict, again.getStanzaError().getCondition());

            AdHocCommandResult online = run(root, ADMIN + "get-online-users-num", Map.of());
            assertTrue(online.isCompleted());
            assertEquals("2", online.getResponse().getForm().getField("onlineusersnum").getFirstValue());

            assertTrue(run(root, ADMIN + "announce", Map.of("subject", "Maintenance", "body", "Back soon")).isCompleted());
            Message announcement = received.poll(15, TimeUnit.SECONDS);
            assertEquals("Back soon", announcement.getBody());
            newbie.disconnect();

            assertTrue(run(root, ADMIN + "change-user-password",
                    Map.of("accountjid", "newbie@localhost", "password", "newbie-new")).isCompleted());
            login("newbie", "newbie-new").disconnect();
            assertTrue(run(root, ADMIN + "delete-user", Map.of("accountjids", List.of("newbie@localhost"))).isCompleted());
            AdHocCommandResult registered = run(root, ADMIN + "get-registered-users-num", Map.of());
            assertEquals("2", registered.getResponse().getForm().getField("registeredusersnum").getFirstValue());
        } finally {
            root.disconnect();
        }
    }

    @Test
    void adminReadsAUsersRosterAndListsOnlineUsers() throws Exception {
        XMPPTCPConnection root = login("root", "root-secret");
        try {
            Roster.getInstanceFor(root).createItem(JidCreate.bareFrom("mallory@localhost"), "Mallory", null);
            AdHocCommandResult roster = run(root, ADMIN + "get-user-roster", Map.of("accountjid", "root@localhost"));
            assertTrue(roster.isCompleted());
            String xml = roster.getResponse().toXML().toString();
            assertTrue(xml.contains("jabber:iq:roster") && xml.contains("mallory@localhost"), xml);

            AdHocCommandResult online = run(root, ADMIN + "get-online-users-list", Map.of());
            assertTrue(online.getResponse().getForm().getField("onlineuserjids").getValuesAsString()
                    .contains("root@localhost"));
        } finally {
            root.disconnect();
        }
    }

    @Test
    void aMotdSetByCommandArrivesAtTheNextLogin() throws Exception {
        XMPPTCPConnection root = login("root", "root-secret");
        try {
            assertTrue(run(root, ADMIN + "set-motd", Map.of("motd", "Hearth moves on Sunday")).isCompleted());
            XMPPTCPConnection mallory = Clients.starttls(server, "mallory", "mallory-secret", "motd", "SCRAM-SHA-256");
            BlockingQueue<Message> received = new ArrayBlockingQueue<>(4);
            mallory.addAsyncStanzaListener(s -> received.add((Message) s), MessageTypeFilter.HEADLINE);
            mallory.connect().login();
            try {
                Message motd = received.poll(15, TimeUnit.SECONDS);
                assertEquals("Hearth moves on Sunday", motd == null ? null : motd.getBody());
            } finally {
                mallory.disconnect();
            }
        } finally {
            // The other tests here expect no motd at login.
            run(root, ADMIN + "delete-motd", Map.of());
            root.disconnect();
        }
    }

    @Test
    void nonAdminSeesNoCommandsAndIsForbidden() throws Exception {
        XMPPTCPConnection mallory = login("mallory", "mallory-secret");
        try {
            assertTrue(AdHocCommandManager.getInstance(mallory).discoverCommands(domain).getItems().isEmpty());
            XMPPErrorException refused = assertThrows(XMPPErrorException.class, () -> run(mallory, ADMIN + "add-user",
                    Map.of("accountjid", "evil@localhost", "password", "x", "password-verify", "x")));
            assertEquals(StanzaError.Condition.forbidden, refused.getStanzaError().getCondition());
        } finally {
            mallory.disconnect();
        }
    }
}
