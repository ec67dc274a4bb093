package im.hearth.bench;

import im.hearth.bench.report.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The accounts of a run: {@code bench-1 .. bench-N} (or the lines of an accounts file), and the
 * ways to make them exist on the server under test.
 */
final class Accounts {

    private Accounts() {
    }

    /** The first n accounts of the run, created on the server as the options say. */
    static List<Options.Account> prepare(Options o, int n, Pool pool, Progress progress, PrintStream out)
            throws Exception {
        if (o.accounts != null) {
            return take(o.accounts, n, "the given account list");
        }
        if (o.accountsFile != null) {
            List<Options.Account> all = new ArrayList<>();
            for (String line : Files.readAllLines(o.accountsFile, StandardCharsets.UTF_8)) {
                String[] p = line.trim().split("\\s+", 2);
                if (p.length == 2 && !p[0].startsWith("#")) {
                    String user = p[0].contains("@") ? p[0].substring(0, p[0].indexOf('@')) : p[0];
                    all.add(new Options.Account(user, p[1]));
                }
            }
            return take(all, n, o.accountsFile.toString());
        }
        List<Options.Account> accounts = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            accounts.add(new Options.Account(o.prefix + i, o.password));
        }
        long t0 = System.nanoTime();
        if (o.register) {
            register(o, accounts, pool, progress);
        } else if (o.createWithCli != null) {
            viaCli(o, accounts, progress);
        } else if (o.hearthData != null) {
            viaAdminPort(o, accounts, progress);
        } else {
            return accounts; // assumed to exist already
        }
        out.printf("accounts: %d ready in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        return accounts;
    }

    private static List<Options.Account> take(List<Options.Account> all, int n, String from) {
        if (all.size() < n) {
            throw new IllegalArgumentException(from + " has " + all.size() + " accounts; the run needs " + n);
        }
        return List.copyOf(all.subList(0, n));
    }

    /** XEP-0077 in-band registration, logins-style: at the login rate, "conflict" counting as done. */
    private static void register(Options o, List<Options.Account> accounts, Pool pool, Progress progress)
            throws InterruptedException {
        Sessions s = new Sessions();
        s.run(pool, accounts, o.loginRate, o.concurrency, true, "registering", progress, o.timeoutSeconds);
        if (s.failed() > 0) {
            throw new IllegalStateException(s.failed() + " registrations failed: " + s.failureReasons());
        }
    }

    /**
     * Through a running Hearth's admin listener (the port and token in DATA/admin.port, as
     * {@code hearth adduser} does it), one line per account on one loopback connection.
     */
    private static void viaAdminPort(Options o, List<Options.Account> accounts, Progress progress) throws IOException {
        String[] portAndToken = Files.readString(o.hearthData.resolve("admin.port")).trim().split(" ");
        AtomicInteger done = new AtomicInteger();
        progress.set(() -> "creating accounts: " + done.get() + "/" + accounts.size());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(portAndToken[0]))) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            // Pipelined in windows of 100: the listener answers in order.
            for (int from = 0; from < accounts.size(); from += 100) {
                int to = Math.min(accounts.size(), from + 100);
                StringBuilder lines = new StringBuilder();
                for (Options.Account a : accounts.subList(from, to)) {
                    lines.append(portAndToken[1]).append(" adduser ").append(a.user()).append('@').append(o.domain)
                            .append(' ').append(Base64.getEncoder().encodeToString(a.password().getBytes(StandardCharsets.UTF_8)))
                            .append('\n');
                }
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = from; i < to; i++) {
                    String reply = in.readLine();
                    if (reply == null || !(reply.equals("ok") || reply.contains("exists"))) {
                        throw new IOException("the admin port refused " + accounts.get(i).user() + ": " + reply);
                    }
                    done.incrementAndGet();
                }
            }
        } finally {
            progress.set(null);
        }
    }

    /**
     * {@code hearth adduser} once per account, two at a time: a JVM start each, so slow. With
     * {@code --hearth-data DIR} it is passed as {@code --data DIR}; otherwise the CLI uses its default
     * ($HEARTH_DATA, else ./data). Meant for a running server: without one, two CLIs would compete
     * for the data folder's lock.
     */
    private static void viaCli(Options o, List<Options.Account> accounts, Progress progress) throws Exception {
        AtomicInteger done = new AtomicInteger();
        progress.set(() -> "hearth adduser: " + done.get() + "/" + accounts.size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (Options.Account a : accounts) {
                results.add(pool.submit(() -> {
                    List<String> command = new ArrayList<>(List.of(o.createWithCli.toString()));
                    if (o.hearthData != null) {
                        command.addAll(List.of("--data", o.hearthData.toString()));
                    }
                    command.addAll(List.of("adduser", a.user() + "@" + o.domain));
                    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                    p.getOutputStream().write((a.password() + "\n").getBytes(StandardCharsets.UTF_8));
                    p.getOutputStream().close();
                    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (p.waitFor() != 0 && !output.contains("already exists")) {
                        throw new IOException("hearth adduser " + a.user() + " failed: " + output.trim());
                    }
                    done.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            progress.set(null);
        }
    }
}
