package im.hearth.actors.feature.adhoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import im.hearth.actors.c2s.OnlineSessions;
import im.hearth.protocol.feature.dataforms.DataForm;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The XEP-0133 commands that need no account entity, run through {@link AdHocCommands#handle}. */
class AdHocCommandsTest {
    private static final String ADMIN = AdHocCommands.ADMIN;
    private final AtomicReference<String> motd = new AtomicReference<>("");
    private final AtomicReference<String> welcome = new AtomicReference<>("Hello!");
    private final AdHocCommands commands = new AdHocCommands(AdminSettings.of(List.of("root@localhost")), null,
            new OnlineSessions(), "localhost"::equals, motd, welcome);

    private Element run(String from, String node, Map<String, List<String>> answers) {
        Element.Builder command = Element.builder("command", AdHocCommands.NAMESPACE).attr("node", ADMIN + node)
                .attr("action", answers.isEmpty() ? "execute" : "complete");
        if (!answers.isEmpty()) {
            List<DataForm.Field> fields = answers.entrySet().stream()
                    .map(e -> new DataForm.Field(e.getKey(), null, e.getValue())).toList();
            command.child(DataForm.of("submit", fields).toElement());
        }
        Element iq = Element.builder("iq", Namespaces.CLIENT).attr("type", "set").attr("id", "c1")
                .attr("from", from).attr("to", "localhost").child(command.build()).build();
        return commands.handle(iq, Jid.parse(from), "localhost").toCompletableFuture().join();
    }

    private static String status(Element reply) {
        return reply.child("command", AdHocCommands.NAMESPACE).map(c -> c.attr("status")).orElse(reply.attr("type"));
    }

    private static DataForm form(Element reply) {
        return reply.child("command", AdHocCommands.NAMESPACE).flatMap(c -> c.child("x", DataForm.NAMESPACE))
                .flatMap(DataForm::parse).orElseThrow();
    }

    @Test
    void setMotdAsksForTheTextThenReplacesIt() {
        Element first = run("root@localhost/a", "set-motd", Map.of());
        assertEquals("executing", status(first));
        assertTrue(form(first).field("motd").isPresent());
        assertEquals("completed", status(run("root@localhost/a", "set-motd", Map.of("motd", List.of("Line 1", "Line 2")))));
        assertEquals("Line 1\nLine 2", motd.get());
    }

    @Test
    void editWelcomeShowsTheCurrentTextAndDeleteClearsIt() {
        Element first = run("root@localhost/a", "edit-welcome", Map.of());
        assertEquals(List.of("Hello!"), form(first).field("welcome").orElseThrow().values());
        run("root@localhost/a", "edit-welcome", Map.of("welcome", List.of("Welcome aboard")));
        assertEquals("Welcome aboard", welcome.get());
        assertEquals("completed", status(run("root@localhost/a", "delete-welcome", Map.of())));
        assertEquals("", welcome.get());
    }

    @Test
    void deleteMotdClearsIt() {
        motd.set("old news");
        assertEquals("completed", status(run("root@localhost/a", "delete-motd", Map.of())));
        assertEquals("", motd.get());
    }

    @Test
    void anEmptyMotdIsRefused() {
        Element reply = run("root@localhost/a", "set-motd", Map.of("motd", List.of(" ")));
        assertEquals("not-acceptable", reply.child("error", Namespaces.CLIENT)
                .flatMap(e -> e.firstChild(Namespaces.STANZA_ERRORS)).map(Element::name).orElseThrow());
    }

    @Test
    void nonAdminsCannotChangeTheMotd() {
        Element reply = run("mallory@localhost/a", "set-motd", Map.of("motd", List.of("pwned")));
        assertEquals("error", reply.attr("type"));
        assertEquals("forbidden", reply.child("error", Namespaces.CLIENT)
                .flatMap(e -> e.firstChild(Namespaces.STANZA_ERRORS)).map(Element::name).orElseThrow());
        assertEquals("", motd.get());
    }

    @Test
    void onlineUsersListsEachBareJidOfTheDomainOnce() {
        Element x = AdHocCommands.onlineUsers("localhost",
                Set.of("bob@localhost/phone", "bob@localhost/pc", "alice@localhost/a", "eve@elsewhere/x"));
        DataForm form = DataForm.parse(x).orElseThrow();
        assertEquals(List.of("alice@localhost", "bob@localhost"), form.field("onlineuserjids").orElseThrow().values());
        assertEquals("http://jabber.org/protocol/admin", form.formType().orElseThrow());
    }

    @Test
    void getOnlineUsersRunsAtOnce() {
        Element reply = run("root@localhost/a", "get-online-users-list", Map.of());
        assertEquals("completed", status(reply));
        assertEquals(List.of(), form(reply).field("onlineuserjids").orElseThrow().values());
    }
}
