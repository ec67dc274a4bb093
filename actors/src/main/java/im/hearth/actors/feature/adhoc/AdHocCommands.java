package im.hearth.actors.feature.adhoc;

import im.hearth.actors.admin.Accounts;
import im.hearth.actors.c2s.OnlineSessions;
import im.hearth.protocol.feature.dataforms.DataForm.Field;
import im.hearth.actors.routing.SessionMessage;
import im.hearth.actors.user.UserEntity;
import im.hearth.protocol.feature.disco.DiscoItems;
import im.hearth.protocol.feature.roster.RosterQuery;
import im.hearth.protocol.jid.BareJid;
import im.hearth.protocol.jid.Jid;
import im.hearth.protocol.stanza.StanzaError;
import im.hearth.protocol.stanza.StanzaErrorCondition;
import im.hearth.protocol.stanza.Stanzas;
import im.hearth.protocol.xml.Element;
import im.hearth.protocol.xml.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ad-hoc commands (XEP-0050) offering service administration (XEP-0133) to the JIDs in
 * {@code hearth.admins} ({@link AdminSettings}): add-user, delete-user, change-user-password,
 * get-online-users-num, get-registered-users-num, announce, get-user-roster, get-online-users-list,
 * set/edit/delete-motd, edit/delete-welcome (the texts live on this node until restart). Each
 * command is one stage: execute returns the form, complete carries the submission (the session id
 * is not checked, as the submission holds everything). Others get forbidden; their disco#items list is empty. Account
 * changes go through {@link Accounts}, like the CLI's. The online count and announcements reach
 * this node's sessions only ({@link OnlineSessions}).
 */
public final class AdHocCommands {
    public static final String NAMESPACE = "http://jabber.org/protocol/commands";
    static final String ADMIN = "http://jabber.org/protocol/admin#";
    private static final Logger log = LoggerFactory.getLogger(AdHocCommands.class);

    private final AdminSettings admins;
    private final Accounts accounts;
    private final OnlineSessions online;
    private final Predicate<String> hosted;
    private final AtomicReference<String> motd;
    private final AtomicReference<String> welcome;

    /** One command: its name, the form it asks for (empty: runs at once) and what it does. */
    private record Command(String name, Supplier<List<Field>> form, Runner run) {
        Command(String name, List<Field> form, Runner run) {
            this(name, () -> form, run);
        }
    }

    @FunctionalInterface
    private interface Runner {
        /** Returns the note to show, or a result form; fails with a rejection for bad input. */
        CompletionStage<Element> run(String domain, Map<String, List<String>> values);
    }

    /** A bad submission: answered with the condition, not logged as a fault. */
    static final class Rejected extends RuntimeException {
        final StanzaErrorCondition condition;

        Rejected(StanzaErrorCondition condition, String text) {
            super(text, null, false, false);
            this.condition = condition;
        }
    }

    private final Map<String, Command> commands;

    /**
     * @param motd    the message of the day the motd feature sends, changed by set/edit/delete-motd
     * @param welcome the welcome message the welcome feature sends, changed by edit/delete-welcome
     */
    public AdHocCommands(AdminSettings admins, Accounts accounts, OnlineSessions online, Predicate<String> hosted,
                         AtomicReference<String> motd, AtomicReference<String> welcome) {
        this.admins = admins;
        this.accounts = accounts;
        this.online = online;
        this.hosted = hosted;
        this.motd = motd;
        this.welcome = welcome;
        Field jid = CommandForm.field("accountjid", "jid-single", "The Jabber ID", true);
        Field password = CommandForm.field("password", "text-private", "The password", true);
        this.commands = new java.util.LinkedHashMap<>();
        commands.put(ADMIN + "add-user", new Command("Add a User",
                List.of(jid, password, CommandForm.field("password-verify", "text-private", "Retype password", true)), this::addUser));
        commands.put(ADMIN + "delete-user", new Command("Delete a User",
                List.of(CommandForm.field("accountjids", "jid-multi", "The Jabber ID(s) to delete", true)), this::deleteUsers));
        commands.put(ADMIN + "change-user-password", new Command("Change User Password",
                List.of(jid, password), this::changePassword));
        commands.put(ADMIN + "get-online-users-num", new Command("Get Number of Online Users", List.of(),
                (d, v) -> done(CommandForm.write("result", null, List.of(CommandForm.value("onlineusersnum", "text-single",
                        "Number of online users (this node)", Integer.toString(online.count())))))));
        commands.put(ADMIN + "get-registered-users-num", new Command("Get Number of Registered Users", List.of(),
                (d, v) -> accounts.list().thenApply(all -> CommandForm.write("result", null, List.of(CommandForm.value(
                        "registeredusersnum", "text-single", "Number of registered users",
                        Long.toString(all.stream().filter(j -> j.domain().equals(d)).count())))))));
        commands.put(ADMIN + "announce", new Command("Send Announcement to Online Users",
                List.of(CommandForm.field("subject", "text-single", "Subject", false),
                        CommandForm.field("body", "text-multi", "Announcement", true)), this::announce));
        commands.put(ADMIN + "get-user-roster", new Command("Get User Roster", List.of(jid), this::userRoster));
        Command onlineUsers = new Command("Get List of Online Users", List.of(),
                (d, v) -> done(onlineUsers(d, online.snapshot().keySet())));
        commands.put(ADMIN + "get-online-users-list", onlineUsers);
        commands.put(ADMIN + "get-online-users", onlineUsers); // the node name some clients and servers use
        commands.put(ADMIN + "set-motd", new Command("Set Message of the Day",
                List.of(CommandForm.field("motd", "text-multi", "Message of the day", true)), (d, v) -> setText(motd, v, "motd")));
        commands.put(ADMIN + "edit-motd", new Command("Edit Message of the Day",
                () -> List.of(current("motd", "Message of the day", motd)), (d, v) -> setText(motd, v, "motd")));
        commands.put(ADMIN + "delete-motd", new Command("Delete Message of the Day", List.of(), (d, v) -> {
            motd.set("");
            return done(note("Deleted the message of the day"));
        }));
        commands.put(ADMIN + "edit-welcome", new Command("Edit Welcome Message",
                () -> List.of(current("welcome", "Welcome message", welcome)), (d, v) -> setText(welcome, v, "welcome")));
        commands.put(ADMIN + "delete-welcome", new Command("Delete Welcome Message", List.of(), (d, v) -> {
            welcome.set("");
            return done(note("Deleted the welcome message"));
        }));
    }

    /** True for the IQs this class answers: commands, and disco#items of the commands node. */
    public static boolean handles(Element iq) {
        if (iq.elements().size() != 1) {
            return false;
        }
        Element payload = iq.elements().get(0);
        return payload.is("command", NAMESPACE)
                || (payload.is("query", Namespaces.DISCO_ITEMS) && NAMESPACE.equals(payload.attr("node")));
    }

    /** Answers one IQ from {@code from} (a stamped full JID) addressed to the hosted {@code domain}. */
    public CompletionStage<Element> handle(Element iq, Jid from, String domain) {
        Element payload = iq.elements().get(0);
        boolean admin = from.bare() instanceof BareJid user && admins.isAdmin(user);
        if (payload.is("query", Namespaces.DISCO_ITEMS)) {
            List<DiscoItems.Item> items = new ArrayList<>();
            if (admin) {
                commands.forEach((node, c) -> items.add(new DiscoItems.Item(domain, node, c.name())));
            }
            return done(Stanzas.iqResult(iq, new DiscoItems(NAMESPACE, items).toElement()));
        }
        if (!"set".equals(Stanzas.type(iq))) {
            return done(error(iq, StanzaErrorCondition.BAD_REQUEST));
        }
        if (!admin) {
            log.warn("ad-hoc command {} refused to {}: not an admin", payload.attr("node"), from);
            return done(error(iq, StanzaErrorCondition.FORBIDDEN));
        }
        String node = payload.attr("node");
        Command command = node == null ? null : commands.get(node);
        if (command == null) {
            return done(error(iq, StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        String action = payload.attr("action") == null ? "execute" : payload.attr("action");
        String session = payload.attr("sessionid") != null ? payload.attr("sessionid") : UUID.randomUUID().toString();
        Map<String, List<String>> values = CommandForm.submitted(payload);
        switch (action) {
            case "cancel" -> {
                return done(Stanzas.iqResult(iq, command(node, session, "canceled").build()));
            }
            case "execute", "complete" -> {
                List<Field> form = command.form().get();
                if (values.isEmpty() && !form.isEmpty()) {
                    // XEP-0050 3.4: the first stage, the form; its one action is complete.
                    return done(Stanzas.iqResult(iq, command(node, session, "executing")
                            .child(Element.builder("actions", NAMESPACE).attr("execute", "complete")
                                    .child(Element.of("complete", NAMESPACE)).build())
                            .child(CommandForm.write("form", command.name(), form))
                            .build()));
                }
                CompletionStage<Element> ran;
                try {
                    ran = command.run().run(domain, values);
                } catch (RuntimeException e) {
                    // A runner rejects bad input before it has a future (a malformed JID): same answer.
                    ran = CompletableFuture.failedFuture(e);
                }
                return ran.handle((out, e) -> {
                    if (e != null) {
                        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                                ? e.getCause() : e;
                        if (cause instanceof Rejected r) {
                            return Stanzas.errorReply(iq, StanzaError.of(r.condition, r.getMessage()));
                        }
                        log.error("ad-hoc command {} by {} failed", node, from, cause);
                        return error(iq, StanzaErrorCondition.INTERNAL_SERVER_ERROR);
                    }
                    log.info("ad-hoc command {} by {} done", node, from);
                    return Stanzas.iqResult(iq, command(node, session, "completed").child(out).build());
                });
            }
            default -> {
                return done(error(iq, StanzaErrorCondition.BAD_REQUEST));
            }
        }
    }

    private static Element.Builder command(String node, String session, String status) {
        return Element.builder("command", NAMESPACE).attr("node", node).attr("sessionid", session).attr("status", status);
    }

    private BareJid account(String value, String domain) {
        try {
            BareJid jid = BareJid.parse(value == null ? "" : value.trim());
            if (!hosted.test(jid.domain())) {
                throw new Rejected(StanzaErrorCondition.NOT_ACCEPTABLE, jid.domain() + " is not hosted here");
            }
            return jid;
        } catch (IllegalArgumentException e) {
            throw new Rejected(StanzaErrorCondition.JID_MALFORMED, "not an account's JID: " + value);
        }
    }

    private static String password(Map<String, List<String>> values) {
        String password = CommandForm.first(values, "password");
        if (password == null || password.isEmpty()) {
            throw new Rejected(StanzaErrorCondition.NOT_ACCEPTABLE, "a password is required");
        }
        return password;
    }

    private CompletionStage<Element> addUser(String domain, Map<String, List<String>> values) {
        BareJid jid = account(CommandForm.first(values, "accountjid"), domain);
        String password = password(values);
        String verify = CommandForm.first(values, "password-verify");
        if (verify != null && !verify.equals(password)) {
            throw new Rejected(StanzaErrorCondition.NOT_ACCEPTABLE, "the passwords differ");
        }
        return accounts.create(jid, password).thenApply(r -> {
            if (r == UserEntity.Result.ALREADY_EXISTS) {
                throw new Rejected(StanzaErrorCondition.CONFLICT, "the account " + jid + " already exists");
            }
            return note("Created " + jid);
        });
    }

    private CompletionStage<Element> deleteUsers(String domain, Map<String, List<String>> values) {
        List<BareJid> jids = values.getOrDefault("accountjids", List.of()).stream().map(v -> account(v, domain)).toList();
        if (jids.isEmpty()) {
            throw new Rejected(StanzaErrorCondition.NOT_ACCEPTABLE, "no account given");
        }
        CompletableFuture<?>[] all = jids.stream()
                .map(j -> accounts.remove(j, "admin").toCompletableFuture()).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenApply(x -> {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (all[i].join() != UserEntity.Result.DONE) {
                    missing.add(jids.get(i).toString());
                }
            }
            return note(missing.isEmpty() ? "Deleted " + jids.size() + " account(s)"
                    : "Deleted the others; no such account: " + String.join(", ", missing));
        });
    }

    private CompletionStage<Element> changePassword(String domain, Map<String, List<String>> values) {
        BareJid jid = account(CommandForm.first(values, "accountjid"), domain);
        return accounts.changePassword(jid, password(values)).thenApply(r -> {
            if (r == UserEntity.Result.NO_SUCH_ACCOUNT) {
                throw new Rejected(StanzaErrorCondition.ITEM_NOT_FOUND, "there is no account " + jid);
            }
            return note("Changed the password of " + jid);
        });
    }

    private CompletionStage<Element> announce(String domain, Map<String, List<String>> values) {
        String body = String.join("\n", values.getOrDefault("body", List.of()));
        if (body.isBlank()) {
            throw new Rejected(StanzaErrorCondition.NOT_ACCEPTABLE, "the announcement is empty");
        }
        String subject = CommandForm.first(values, "subject");
        int sent = 0;
        for (Map.Entry<String, org.apache.pekko.actor.typed.ActorRef<SessionMessage>> e : online.snapshot().entrySet()) {
            if (!Jid.parse(e.getKey()).domain().equals(domain)) {
                continue;
            }
            Element.Builder m = Element.builder("message", Namespaces.CLIENT)
                    .attr("from", domain).attr("to", e.getKey()).attr("type", "headline");
            if (subject != null && !subject.isBlank()) {
                m.textChild("subject", Namespaces.CLIENT, subject);
            }
            e.getValue().tell(new SessionMessage.Stanza(m.textChild("body", Namespaces.CLIENT, body).build()));
            sent++;
        }
        return done(note("Sent to " + sent + " session(s)"));
    }

    /** XEP-0133 get-user-roster: the form echoes the account, the roster follows inside it. */
    private CompletionStage<Element> userRoster(String domain, Map<String, List<String>> values) {
        BareJid jid = account(CommandForm.first(values, "accountjid"), domain);
        return accounts.roster(jid).thenApply(r -> {
            if (!r.exists()) {
                throw new Rejected(StanzaErrorCondition.ITEM_NOT_FOUND, "there is no account " + jid);
            }
            return CommandForm.write("result", null, List.of(CommandForm.value("accountjid", "jid-single", "The Jabber ID",
                    jid.toString()))).withChild(new RosterQuery(null, r.items()).toElement());
        });
    }

    /** XEP-0133 get-online-users-list: the distinct bare JIDs of this domain's bound sessions on this node. */
    static Element onlineUsers(String domain, java.util.Collection<String> fullJids) {
        List<String> users = fullJids.stream().map(Jid::parse).filter(j -> j.domain().equals(domain))
                .map(j -> j.bare().toString()).distinct().sorted().toList();
        return CommandForm.write("result", null, List.of(CommandForm.value("onlineuserjids", "jid-multi",
                "The list of all online users (this node)", users)));
    }

    /** The text-multi field {@code var} holding the current text, for the edit commands. */
    static Field current(String var, String label, AtomicReference<String> text) {
        String now = text.get() == null ? "" : text.get();
        return new Field(var, "text-multi", label, now.isEmpty() ? List.of() : List.of(now.split("\n", -1)), true, null,
                List.of());
    }

    /** Replaces the text with the submitted lines of {@code var}; an empty one is refused (delete clears it). */
    static CompletionStage<Element> setText(AtomicReference<String> text, Map<String, List<String>> values, String var) {
        String value = String.join("\n", values.getOrDefault(var, List.of()));
        if (value.isBlank()) {
            throw new Rejected(StanzaErrorCondition.NOT_ACCEPTABLE, "the text is empty (delete it instead)");
        }
        text.set(value);
        return done(note("Saved (on this server node, until it restarts)"));
    }

    private static Element note(String text) {
        return Element.builder("note", NAMESPACE).attr("type", "info").text(text).build();
    }

    private static Element error(Element iq, StanzaErrorCondition condition) {
        return Stanzas.errorReply(iq, StanzaError.of(condition));
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
