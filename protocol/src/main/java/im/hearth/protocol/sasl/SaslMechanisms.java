package im.hearth.protocol.sasl;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The mechanisms a stream offers, in order of preference, and their construction. */
public final class SaslMechanisms {

    private SaslMechanisms() {}

    /**
     * The mechanisms to advertise: SCRAM-SHA-256-PLUS and SCRAM-SHA-1-PLUS when there is
     * channel-binding data, SCRAM-SHA-256, SCRAM-SHA-1, and PLAIN only over TLS.
     */
    public static List<String> offered(SaslContext ctx) {
        List<String> names = new ArrayList<>(5);
        if (ctx.tlsServerEndPoint() != null) {
            names.add(ScramAlgorithm.SHA_256.plusName());
            names.add(ScramAlgorithm.SHA_1.plusName());
        }
        names.add(ScramAlgorithm.SHA_256.mechanismName());
        names.add(ScramAlgorithm.SHA_1.mechanismName());
        if (ctx.tlsActive()) {
            names.add(PlainServer.NAME);
        }
        return List.copyOf(names);
    }

    /** A new exchange of {@code name}; empty when it is unknown or not offered (invalid-mechanism). */
    public static Optional<ServerMechanism> create(String name, SaslContext ctx) {
        if (name == null || !offered(ctx).contains(name)) {
            return Optional.empty();
        }
        if (name.equals(PlainServer.NAME)) {
            return Optional.of(new PlainServer(ctx));
        }
        return ScramAlgorithm.byMechanismName(name)
                .map(a -> new ScramServer(a, name.equals(a.plusName()), ctx));
    }

    /**
     * The {@code tls-server-end-point} channel-binding data of a certificate (RFC 5929 §4.1):
     * its DER encoding hashed with the hash of its signature algorithm, SHA-256 when that is
     * MD5 or SHA-1. Null when RFC 5929 leaves it undefined (a signature without a single hash,
     * such as Ed25519): then -PLUS cannot be offered.
     */
    public static byte[] tlsServerEndPoint(X509Certificate certificate) {
        String hash = signatureHash(certificate);
        if (hash == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance(hash).digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            return null;
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private static String signatureHash(X509Certificate certificate) {
        String sigAlg = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
        String hash;
        if (sigAlg.equals("RSASSA-PSS")) {
            // The hash of RSASSA-PSS is in the algorithm's parameters.
            try {
                AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
                params.init(certificate.getSigAlgParams());
                hash = params.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm().toUpperCase(Locale.ROOT);
            } catch (GeneralSecurityException | java.io.IOException | NullPointerException e) {
                return null;
            }
        } else {
            int with = sigAlg.indexOf("WITH");
            if (with <= 0) {
                return null;
            }
            hash = sigAlg.substring(0, with);
        }
        if (hash.matches("SHA\\d{3}")) {
            hash = "SHA-" + hash.substring(3);
        } else if (hash.matches("SHA-?1|SHA|MD5|MD2")) {
            return "SHA-256"; // RFC 5929 §4.1: never the weak hash itself
        }
        return hash;
    }
}
