package im.hearth.bench.net;

import im.hearth.protocol.sasl.ScramAlgorithm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * The client side of SCRAM (RFC 5802) with a cache of SaltedPassword, as real clients keep one
 * (RFC 5802 §5.1 allows the client to store it instead of the password).
 *
 * <p>Why not {@code protocol.sasl.ScramClient}: it runs Hi (4096 PBKDF2 rounds, 2–4 ms) on every
 * login. The server only runs Hi when an account is created, so a generator that pays it per login
 * measures itself: on one core it would top out near 300 logins/s, under the 400/s target. This
 * class uses the protocol's {@link ScramAlgorithm} primitives and keeps SaltedPassword per
 * (user, password, salt, iterations), in memory and optionally in a file shared across runs.
 * TODO(protocol): a SaltedPassword hook on ScramClient would let this class go.
 */
public final class Scram {

    /** SaltedPassword per key, shared by every client of one generator; thread-safe. */
    public static final class Cache {
        private final ConcurrentHashMap<String, byte[]> salted = new ConcurrentHashMap<>();
        private final Path file;
        private BufferedWriter out;

        /** @param file where to keep the cache across runs; null for memory only */
        public Cache(Path file) throws IOException {
            this.file = file;
            if (file != null && Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    String[] p = line.split(" ");
                    if (p.length == 2) {
                        salted.put(p[0], HexFormat.of().parseHex(p[1]));
                    }
                }
            }
        }

        public int size() {
            return salted.size();
        }

        byte[] get(String key) {
            return salted.get(key);
        }

        synchronized void put(String key, byte[] value) {
            if (salted.putIfAbsent(key, value) == null && file != null) {
                try {
                    if (out == null) {
                        Files.createDirectories(file.toAbsolutePath().getParent());
                        out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                    out.write(key + " " + HexFormat.of().formatHex(value) + "\n");
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write the SCRAM cache " + file, e);
                }
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScramAlgorithm algorithm;
    private final String username;
    private final String password;
    private final Cache cache;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private byte[] salt;
    private int iterations;
    private byte[] expectedServerSignature;

    public Scram(ScramAlgorithm algorithm, String username, String password, Cache cache) {
        this.algorithm = algorithm;
        this.username = username;
        this.password = password;
        this.cache = cache;
    }

    public String mechanism() {
        return algorithm.mechanismName();
    }

    public byte[] clientFirst() {
        byte[] r = new byte[18];
        RANDOM.nextBytes(r);
        String clientNonce = Base64.getEncoder().encodeToString(r);
        // Bench account names are plain ASCII without '=' or ',', so no saslname escaping is needed.
        clientFirstBare = "n=" + username + ",r=" + clientNonce;
        return ("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads server-first; true when SaltedPassword is cached, so {@link #clientFinal} is cheap. */
    public boolean serverFirst(byte[] message) {
        serverFirst = new String(message, StandardCharsets.UTF_8);
        String[] f = serverFirst.split(",");
        if (f.length < 3 || !f[0].startsWith("r=") || !f[1].startsWith("s=") || !f[2].startsWith("i=")) {
            throw new IllegalArgumentException("bad server-first: " + serverFirst);
        }
        nonce = f[0].substring(2);
        if (!nonce.startsWith(clientFirstBare.substring(clientFirstBare.indexOf(",r=") + 3))) {
            throw new IllegalArgumentException("server nonce does not extend ours");
        }
        salt = Base64.getDecoder().decode(f[1].substring(2));
        iterations = Integer.parseInt(f[2].substring(2));
        return cache.get(key()) != null;
    }

    private String key() {
        byte[] id = algorithm.hash((algorithm.name() + "\0" + username + "\0" + password + "\0"
                + Base64.getEncoder().encodeToString(salt) + "\0" + iterations).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(id);
    }

    /** The client-final message; runs Hi unless it is cached (then call it off the I/O thread). */
    public byte[] clientFinal() {
        String key = key();
        byte[] salted = cache.get(key);
        if (salted == null) {
            String prepared = PrecisProfiles.OPAQUE_STRING.enforce(password);
            salted = algorithm.hi(prepared.getBytes(StandardCharsets.UTF_8), salt, iterations);
            cache.put(key, salted);
        }
        String withoutProof = "c=biws,r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] clientKey = algorithm.hmac(salted, "Client Key".getBytes(StandardCharsets.UTF_8));
        byte[] storedKey = algorithm.hash(clientKey);
        byte[] signature = algorithm.hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        byte[] serverKey = algorithm.hmac(salted, "Server Key".getBytes(StandardCharsets.UTF_8));
        expectedServerSignature = algorithm.hmac(serverKey, authMessage);
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** True when the server-final message proves that the server knew the credential. */
    public boolean verifyServerFinal(byte[] message) {
        String m = new String(message, StandardCharsets.UTF_8);
        if (!m.startsWith("v=")) {
            return false;
        }
        String v = m.split(",")[0].substring(2);
        return MessageDigest.isEqual(Base64.getDecoder().decode(v), expectedServerSignature);
    }
}
