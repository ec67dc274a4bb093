package im.hearth.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import im.hearth.actors.admin.AdminClient;
import im.hearth.actors.config.HearthConfig;
import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.user.UserEntity;
import im.hearth.protocol.jid.BareJid;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code hearth} command: {@code start} runs a node; {@code adduser}, {@code passwd},
 * {@code deluser} and {@code users} manage
 * accounts, through the running server when there is one (never a second writer of a journal),
 * or on a node of their own when the data folder is free.
 */
@Command(name = "hearth", mixinStandardHelpOptions = true, version = "Hearth 0.1.0",
        description = "An XMPP server on Apache Pekko.",
        subcommands = {Main.Start.class, Main.AddUser.class, Main.Passwd.class, Main.DelUser.class, Main.Users.class})
public final class Main implements Runnable {

    @Option(names = "--data", description = "Data folder (default: $HEARTH_DATA, else ./data).", scope = CommandLine.ScopeType.INHERIT)
    Path data;

    @Option(names = "--config", description = "Configuration file (default: DATA/hearth.conf if it exists).",
            scope = CommandLine.ScopeType.INHERIT)
    Path config;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    Config load(Map<String, Object> overrides) {
        return HearthConfig.load(data, config, ConfigFactory.parseMap(overrides));
    }

    @Command(name = "start", description = "Run the server in the foreground until stopped (Ctrl-C or SIGTERM).")
    static final class Start implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws Exception {
            Config config = main.load(Map.of());
            HearthSettings settings = HearthSettings.fromConfig(config);
            Optional<DataLock> lock = DataLock.tryAcquire(settings.dataDir());
            if (lock.isEmpty()) {
                System.err.println("Another Hearth server is running on " + settings.dataDir());
                return 1;
            }
            HearthServer server = HearthServer.start(config);
            System.out.println("Hearth is running for " + String.join(", ", settings.hosts())
                    + ". Clients connect to port " + server.starttlsPort() + " (STARTTLS) or "
                    + server.directTlsPort() + " (direct TLS). Data: " + settings.dataDir());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                    lock.get().close();
                } catch (Exception e) {
                    System.err.println("error while stopping: " + e);
                } finally {
                    stopped.countDown();
                }
            }, "hearth-shutdown"));
            server.system().getWhenTerminated().toCompletableFuture().join();
            stopped.await(60, TimeUnit.SECONDS);
            return 0;
        }
    }

    /** Shared by adduser and passwd: find the JID, read the password, run through the server or a node of our own. */
    abstract static class AccountCommand implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(index = "0", description = "The account, such as alice@localhost (a bare name takes the first host).")
        String account;

        abstract String verb();

        @Override
        public Integer call() throws Exception {
            Config config = main.load(Map.of("hearth.c2s.starttls-port", -1, "hearth.c2s.direct-tls-port", -1,
                    "hearth.admin.port", -1));
            HearthSettings settings = HearthSettings.fromConfig(config);
            BareJid jid = BareJid.parse(account.contains("@") ? account : account + "@" + settings.defaultHost());
            if (!settings.hosts(jid.domain())) {
                System.err.println(jid.domain() + " is not one of this server's hosts " + settings.hosts());
                return 1;
            }
            String password = readPassword();
            if (password == null || password.isEmpty()) {
                System.err.println("No password given.");
                return 1;
            }
            Optional<DataLock> lock = DataLock.tryAcquire(settings.dataDir());
            if (lock.isEmpty()) {
                String reply = AdminClient.send(settings.dataDir(), verb(), jid.toString(), password);
                return report(reply.equals("ok") ? UserEntity.Result.DONE : null, reply, jid);
            }
            try (DataLock held = lock.get(); HearthServer node = HearthServer.start(config, false)) {
                UserEntity.Result r = (verb().equals("adduser")
                        ? node.accounts().create(jid, password) : node.accounts().changePassword(jid, password))
                        .toCompletableFuture().get(60, TimeUnit.SECONDS);
                return report(r, null, jid);
            }
        }

        private int report(UserEntity.Result r, String reply, BareJid jid) {
            if (r == UserEntity.Result.DONE) {
                System.out.println(verb().equals("adduser") ? "Created " + jid : "Changed the password of " + jid);
                return 0;
            }
            if (r == UserEntity.Result.ALREADY_EXISTS) {
                System.err.println("The account " + jid + " already exists.");
            } else if (r == UserEntity.Result.NO_SUCH_ACCOUNT) {
                System.err.println("There is no account " + jid + ".");
            } else {
                System.err.println(reply != null && reply.startsWith("error ") ? reply.substring(6) : reply);
            }
            return 1;
        }

        /** From the terminal (asked twice), or the first line of standard input when it is not a terminal. */
        private static String readPassword() throws Exception {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password: ");
                char[] second = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, second)) {
                    System.err.println("The passwords differ.");
                    return null;
                }
                return new String(first);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return in.readLine();
        }
    }

    @Command(name = "adduser", description = "Create an account; the password is asked for, or read from standard input.")
    static final class AddUser extends AccountCommand {
        @Override
        String verb() {
            return "adduser";
        }
    }

    @Command(name = "passwd", description = "Change an account's password; asked for, or read from standard input.")
    static final class Passwd extends AccountCommand {
        @Override
        String verb() {
            return "passwd";
        }
    }

    /** The settings for a CLI run: no listeners of its own. */
    Config cliConfig() {
        return load(Map.of("hearth.c2s.starttls-port", -1, "hearth.c2s.direct-tls-port", -1, "hearth.admin.port", -1));
    }

    @Command(name = "deluser", description = "Remove an account and everything it held; its sessions are closed.")
    static final class DelUser implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(index = "0", description = "The account, such as alice@localhost (a bare name takes the first host).")
        String account;

        @Override
        public Integer call() throws Exception {
            Config config = main.cliConfig();
            HearthSettings settings = HearthSettings.fromConfig(config);
            BareJid jid = BareJid.parse(account.contains("@") ? account : account + "@" + settings.defaultHost());
            Optional<DataLock> lock = DataLock.tryAcquire(settings.dataDir());
            boolean done;
            String problem;
            if (lock.isEmpty()) {
                String reply = AdminClient.request(settings.dataDir(), "deluser", jid.toString());
                done = reply.equals("ok");
                problem = reply.startsWith("error ") ? reply.substring(6) : reply;
            } else {
                try (DataLock held = lock.get(); HearthServer node = HearthServer.start(config, false)) {
                    done = node.accounts().remove(jid, "admin").toCompletableFuture().get(60, TimeUnit.SECONDS)
                            == UserEntity.Result.DONE;
                    problem = "there is no account " + jid;
                }
            }
            if (done) {
                System.out.println("Removed " + jid);
                return 0;
            }
            System.err.println(problem.startsWith("there is no") ? "There is no account " + jid + "." : problem);
            return 1;
        }
    }

    @Command(name = "users", description = "List the accounts, one per line (reads the whole journal's ids: slow on big servers).")
    static final class Users implements java.util.concurrent.Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws Exception {
            Config config = main.cliConfig();
            HearthSettings settings = HearthSettings.fromConfig(config);
            Optional<DataLock> lock = DataLock.tryAcquire(settings.dataDir());
            java.util.List<String> jids;
            if (lock.isEmpty()) {
                String reply = AdminClient.request(settings.dataDir(), "users");
                if (!reply.startsWith("ok")) {
                    System.err.println(reply.startsWith("error ") ? reply.substring(6) : reply);
                    return 1;
                }
                String rest = reply.substring(2).trim();
                jids = rest.isEmpty() ? java.util.List.of() : Arrays.asList(rest.split(" "));
            } else {
                try (DataLock held = lock.get(); HearthServer node = HearthServer.start(config, false)) {
                    jids = node.accounts().list().toCompletableFuture().get(300, TimeUnit.SECONDS)
                            .stream().map(Object::toString).toList();
                }
            }
            jids.forEach(System.out::println);
            return 0;
        }
    }
}
