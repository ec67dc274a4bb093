package im.hearth.actors.admin;

import im.hearth.actors.config.HearthSettings;
import im.hearth.actors.user.UserEntity;
import im.hearth.protocol.jid.BareJid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Framing;
import org.apache.pekko.stream.javadsl.FramingTruncation;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the CLI reaches a running server, so that the server's User entities stay the only writers
 * of their journals: a loopback TCP port speaking one line per request,
 * {@code <token> <command> <args>}, answered by one line {@code ok ...} or {@code error ...}.
 * Commands: {@code adduser JID BASE64-PASSWORD}, {@code passwd JID BASE64-PASSWORD},
 * {@code deluser JID}, {@code users} (answered {@code ok JID JID ...}).
 * The port and a random token are written to {@code DATA/admin.port}, readable only by the
 * server's user; whoever can read that file may administer the server.
 */
public final class AdminListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminListener.class);
    public static final String PORT_FILE = "admin.port";

    private final Tcp.ServerBinding binding;
    private final Path portFile;

    private AdminListener(Tcp.ServerBinding binding, Path portFile) {
        this.binding = binding;
        this.portFile = portFile;
    }

    public static AdminListener start(ActorSystem<?> system, HearthSettings settings, Accounts accounts)
            throws Exception {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        Flow<ByteString, ByteString, ?> handler = Framing.delimiter(ByteString.fromString("\n"), 8192,
                        FramingTruncation.DISALLOW)
                .map(b -> b.utf8String().trim())
                .mapAsync(1, line -> handle(line, token, accounts))
                .map(reply -> ByteString.fromString(reply + "\n", StandardCharsets.UTF_8));
        Tcp.ServerBinding binding = Tcp.get(system).bind(settings.admin().bind(), settings.admin().port())
                .to(Sink.foreach(c -> c.handleWith(handler, system)))
                .run(system)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        Path file = settings.dataDir().resolve(PORT_FILE);
        writePrivate(file, binding.localAddress().getPort() + " " + token + "\n");
        return new AdminListener(binding, file);
    }

    static CompletionStage<String> handle(String line, String token, Accounts accounts) {
        String[] parts = line.split(" ");
        if (parts.length < 2 || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            log.warn("admin request with a wrong token refused");
            return CompletableFuture.completedFuture("error not authorized");
        }
        try {
            switch (parts[1]) {
                case "adduser", "passwd" -> {
                    if (parts.length != 4) {
                        return CompletableFuture.completedFuture("error usage: " + parts[1] + " JID BASE64-PASSWORD");
                    }
                    BareJid jid = BareJid.parse(parts[2]);
                    String password = new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8);
                    CompletionStage<UserEntity.Result> result = parts[1].equals("adduser")
                            ? accounts.create(jid, password) : accounts.changePassword(jid, password);
                    return result.handle((r, e) -> {
                        if (e != null) {
                            return "error " + e.getMessage();
                        }
                        log.info("admin {} {}: {}", parts[1], jid, r);
                        return switch (r) {
                            case DONE -> "ok";
                            case ALREADY_EXISTS -> "error the account " + jid + " already exists";
                            case NO_SUCH_ACCOUNT -> "error there is no account " + jid;
                        };
                    });
                }
                case "deluser" -> {
                    if (parts.length != 3) {
                        return CompletableFuture.completedFuture("error usage: deluser JID");
                    }
                    BareJid jid = BareJid.parse(parts[2]);
                    return accounts.remove(jid, "admin").handle((r, e) -> {
                        if (e != null) {
                            return "error " + e.getMessage();
                        }
                        log.info("admin deluser {}: {}", jid, r);
                        return r == UserEntity.Result.DONE ? "ok" : "error there is no account " + jid;
                    });
                }
                case "users" -> {
                    // One line back: the JIDs separated by spaces (a JID never contains one).
                    return accounts.list().handle((all, e) -> e != null ? "error " + e.getMessage()
                            : ("ok " + String.join(" ", all.stream().map(Object::toString).toList())).trim());
                }
                default -> {
                    return CompletableFuture.completedFuture("error unknown command " + parts[1]);
                }
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture("error " + e.getMessage());
        }
    }

    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public void close() throws Exception {
        Files.deleteIfExists(portFile);
        binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
