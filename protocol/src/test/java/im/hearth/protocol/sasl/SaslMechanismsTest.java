package im.hearth.protocol.sasl;

import static im.hearth.protocol.sasl.Exchanges.assertFailure;
import static im.hearth.protocol.sasl.Exchanges.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SaslMechanismsTest {

    private static final byte[] END_POINT = new byte[32];

    static {
        for (int i = 0; i < END_POINT.length; i++) {
            END_POINT[i] = (byte) i;
        }
    }

    private static final SaslContext NO_TLS = new SaslContext("example.com", false, null, false);
    private static final SaslContext TLS_NO_BINDING = new SaslContext("example.com", true, null, false);
    private static final SaslContext TLS_BINDING = new SaslContext("example.com", true, END_POINT, true);
    private static final ScramCredential USER_256 = ScramCredential.create(ScramAlgorithm.SHA_256, "pencil");
    private static final ScramCredential USER_1 = ScramCredential.create(ScramAlgorithm.SHA_1, "pencil");

    private static ScramCredential credential(ScramAlgorithm a) {
        return a == ScramAlgorithm.SHA_256 ? USER_256 : USER_1;
    }

    @Test
    void offersScramOnlyWithoutTls() {
        assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1"), SaslMechanisms.offered(NO_TLS));
    }

    @Test
    void offersPlainOnlyOverTls() {
        assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"), SaslMechanisms.offered(TLS_NO_BINDING));
    }

    @Test
    void offersPlusMechanismsFirstWhenChannelBindingIsPossible() {
        assertEquals(List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"),
                SaslMechanisms.offered(TLS_BINDING));
    }

    @Test
    void createsOnlyOfferedMechanisms() {
        assertEquals(Optional.empty(), SaslMechanisms.create("PLAIN", NO_TLS));
        assertEquals(Optional.empty(), SaslMechanisms.create("SCRAM-SHA-256-PLUS", TLS_NO_BINDING));
        assertEquals(Optional.empty(), SaslMechanisms.create("DIGEST-MD5", TLS_BINDING));
        assertEquals(Optional.empty(), SaslMechanisms.create("scram-sha-256", TLS_BINDING));
        assertEquals(Optional.empty(), SaslMechanisms.create(null, TLS_BINDING));
        for (String name : SaslMechanisms.offered(TLS_BINDING)) {
            assertEquals(name, SaslMechanisms.create(name, TLS_BINDING).orElseThrow().name());
        }
    }

    @Test
    void checksTheContext() {
        assertThrows(IllegalArgumentException.class, () -> new SaslContext("example.com", false, END_POINT, false));
        assertThrows(IllegalArgumentException.class, () -> new SaslContext("example.com", true, null, true));
        assertEquals("example.com", new SaslContext("EXAMPLE.com.", false, null, false).domain());
    }

    private static ServerMechanism plus(ScramAlgorithm a) {
        return SaslMechanisms.create(a.plusName(), TLS_BINDING).orElseThrow();
    }

    private static ServerMechanism nonPlus(ScramAlgorithm a, SaslContext ctx) {
        return SaslMechanisms.create(a.mechanismName(), ctx).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void bindsToTheTlsServerEndPoint(ScramAlgorithm a) {
        ScramClient client = new ScramClient(a, "user", "pencil", END_POINT);
        assertEquals(a.plusName(), client.mechanismName());
        SaslStep step = Exchanges.scram(plus(a), client, Optional.of(credential(a)));
        assertEquals("user", assertInstanceOf(SaslStep.Success.class, step).username());
    }

    @ParameterizedTest
    @EnumSource(ScramAlgorithm.class)
    void rejectsAnotherEndPoint(ScramAlgorithm a) {
        byte[] other = END_POINT.clone();
        other[0] ^= 1; // a man in the middle terminates TLS with his own certificate
        assertFailure(SaslFailure.NOT_AUTHORIZED,
                Exchanges.scram(plus(a), new ScramClient(a, "user", "pencil", other), Optional.of(credential(a))));
    }

    @Test
    void rejectsYWhenPlusWasAdvertised() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil").withChannelBindingSupported();
        assertFailure(SaslFailure.NOT_AUTHORIZED, nonPlus(ScramAlgorithm.SHA_256, TLS_BINDING).start(client.clientFirst()));
    }

    @Test
    void acceptsYWhenPlusWasNotAdvertised() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil").withChannelBindingSupported();
        SaslStep step = Exchanges.scram(nonPlus(ScramAlgorithm.SHA_256, TLS_NO_BINDING), client, Optional.of(USER_256));
        assertInstanceOf(SaslStep.Success.class, step);
    }

    @Test
    void rejectsBindingWithANonPlusMechanism() {
        ScramClient client = new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil", END_POINT);
        assertFailure(SaslFailure.MALFORMED_REQUEST,
                nonPlus(ScramAlgorithm.SHA_256, TLS_BINDING).start(client.clientFirst()));
    }

    @Test
    void rejectsAPlusMechanismWithoutBinding() {
        assertFailure(SaslFailure.MALFORMED_REQUEST, plus(ScramAlgorithm.SHA_256).start(bytes("n,,n=user,r=abc")));
        assertFailure(SaslFailure.MALFORMED_REQUEST, plus(ScramAlgorithm.SHA_1).start(bytes("y,,n=user,r=abc")));
    }

    @Test
    void rejectsUnsupportedChannelBindingTypes() {
        assertFailure(SaslFailure.MALFORMED_REQUEST,
                plus(ScramAlgorithm.SHA_256).start(bytes("p=tls-unique,,n=user,r=abc")));
        assertFailure(SaslFailure.MALFORMED_REQUEST,
                plus(ScramAlgorithm.SHA_256).start(bytes("p=tls-exporter,,n=user,r=abc")));
    }

    @Test
    void rejectsABindingWithoutTheEndPointData() {
        ServerMechanism server = plus(ScramAlgorithm.SHA_256);
        server.start(bytes("p=tls-server-end-point,,n=user,r=abc"));
        String serverFirst = Exchanges.text(((SaslStep.Challenge) server.credential(Optional.of(USER_256))).data());
        String headerOnly = Base64.getEncoder().encodeToString(bytes("p=tls-server-end-point,,"));
        String proof = Base64.getEncoder().encodeToString(new byte[32]);
        assertFailure(SaslFailure.NOT_AUTHORIZED,
                server.respond(bytes("c=" + headerOnly + "," + serverFirst.split(",")[0] + ",p=" + proof)));
    }

    // Certificates made with openssl; expected values from `openssl x509 -outform DER | openssl dgst`.

    @Test
    void hashesASha256CertificateWithSha256() throws CertificateException {
        assertEquals("ivtp9ZBXzHS6ZI+E7UmmzZmulCDqXXPOl/JVDSWbWMM=", endPoint(EC_SHA256));
    }

    @Test
    void hashesASha1CertificateWithSha256() throws CertificateException {
        assertEquals("lSQZ1cv+P1bx/Oi8+Z5lQpbKqhskxc5LF+rFBYiJBgo=", endPoint(EC_SHA1));
    }

    @Test
    void hashesASha384CertificateWithSha384() throws CertificateException {
        assertEquals("OdrhR6GUdW7O4V5IEB14W5L3ELw5Qp58FRcYbM8p1OLDH9bSRg+7Svbm592I78eI", endPoint(EC_SHA384));
    }

    @Test
    void hashesAnRsaPssCertificateWithItsParameterHash() throws CertificateException {
        assertEquals("F1C16YwkGGJ0yaHyVkY+9XVXfJXVAaXY6MyEkPshV7pU2viuZuQ4oedWMsXkKlnt", endPoint(PSS_SHA384));
    }

    @Test
    void hasNoEndPointForEd25519() throws CertificateException {
        assertNull(SaslMechanisms.tlsServerEndPoint(certificate(ED25519)));
    }

    @Test
    void bindsEndToEndWithARealCertificate() throws CertificateException {
        byte[] endPoint = SaslMechanisms.tlsServerEndPoint(certificate(EC_SHA256));
        SaslContext ctx = new SaslContext("example.com", true, endPoint, true);
        ServerMechanism server = SaslMechanisms.create("SCRAM-SHA-256-PLUS", ctx).orElseThrow();
        SaslStep step = Exchanges.scram(server, new ScramClient(ScramAlgorithm.SHA_256, "user", "pencil", endPoint),
                Optional.of(USER_256));
        assertTrue(step instanceof SaslStep.Success);
    }

    private static String endPoint(String pem) throws CertificateException {
        return Base64.getEncoder().encodeToString(SaslMechanisms.tlsServerEndPoint(certificate(pem)));
    }

    private static X509Certificate certificate(String pem) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(bytes(pem)));
    }

    private static final String EC_SHA1 = """
            -----BEGIN CERTIFICATE-----
            MIIBgjCCASigAwIBAgIUeXrIqSqVWcTe3hlEBBJxY+xwG2swCQYHKoZIzj0EATAW
            MRQwEgYDVQQDDAtleGFtcGxlLmNvbTAgFw0yNjExMjQwNzA4MjFaGA8yMTI2MTAz
            MTA3MDgyMVowFjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wWTATBgcqhkjOPQIBBggq
            hkjOPQMBBwNCAAS0bs7ZANJTq9LJ9KhZB0dTV1kotHLGb/Cx7w9GRIgiCewPNst3
            vncAaVYxNCtIIaq3KIZa3tBsZ6QKpmNYbqRxo1MwUTAdBgNVHQ4EFgQUny4N6qqI
            l1Ma0AZISHv/qKvS8O0wHwYDVR0jBBgwFoAUny4N6qqIl1Ma0AZISHv/qKvS8O0w
            DwYDVR0TAQH/BAUwAwEB/zAJBgcqhkjOPQQBA0kAMEYCIQCr/Wsd3jY2WRRR8WKy
            ELACJ/UP0jEza3QVMIp9GWKUvwIhAN6O8ToO8/cHx8gCHOuRJLahFNSkD/Z13FAa
            J1Kfnp/X
            -----END CERTIFICATE-----
            """;

    private static final String EC_SHA256 = """
            -----BEGIN CERTIFICATE-----
            MIIBgzCCASmgAwIBAgIUe8Otg1yVG9J9v9fuL2NgKMIkCIIwCgYIKoZIzj0EAwIw
            FjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wIBcNMjYxMTI0MDcwODIxWhgPMjEyNjEw
            MzEwNzA4MjFaMBYxFDASBgNVBAMMC2V4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYI
            KoZIzj0DAQcDQgAEtG7O2QDSU6vSyfSoWQdHU1dZKLRyxm/wse8PRkSIIgnsDzbL
            d753AGlWMTQrSCGqtyiGWt7QbGekCqZjWG6kcaNTMFEwHQYDVR0OBBYEFJ8uDeqq
            iJdTGtAGSEh7/6ir0vDtMB8GA1UdIwQYMBaAFJ8uDeqqiJdTGtAGSEh7/6ir0vDt
            MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAO5hFi36yPUGa559
            4tBfbPEVEcgFOXqPsyKBfw8mzXZJAiBZ2rUpJYz2Exs/mkJXWbYeuD0dLGcptDL+
            UfkcwGLskw==
            -----END CERTIFICATE-----
            """;

    private static final String EC_SHA384 = """
            -----BEGIN CERTIFICATE-----
            MIIBgzCCASmgAwIBAgIUGbwE1qkyBGXU7DyN1np9IJWHyCMwCgYIKoZIzj0EAwMw
            FjEUMBIGA1UEAwwLZXhhbXBsZS5jb20wIBcNMjYxMTI0MDcwODIxWhgPMjEyNjEw
            MzEwNzA4MjFaMBYxFDASBgNVBAMMC2V4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYI
            KoZIzj0DAQcDQgAEtG7O2QDSU6vSyfSoWQdHU1dZKLRyxm/wse8PRkSIIgnsDzbL
            d753AGlWMTQrSCGqtyiGWt7QbGekCqZjWG6kcaNTMFEwHQYDVR0OBBYEFJ8uDeqq
            iJdTGtAGSEh7/6ir0vDtMB8GA1UdIwQYMBaAFJ8uDeqqiJdTGtAGSEh7/6ir0vDt
            MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwMDSAAwRQIhAJ9w9jov1n4vHrcF
            uTZrjaxauBauvwFvr/nFyjRfMM3gAiAERBPW4WzlyJNDi9GmNzNOn8jfxxSXvOXD
            4odWYIewYw==
            -----END CERTIFICATE-----
            """;

    private static final String PSS_SHA384 = """
            -----BEGIN CERTIFICATE-----
            MIICcDCCAaWgAwIBAgIUdI4qp/P1N9u40lbg4ThqZ6SGLbkwQQYJKoZIhvcNAQEK
            MDSgDzANBglghkgBZQMEAgIFAKEcMBoGCSqGSIb3DQEBCDANBglghkgBZQMEAgIF
            AKIDAgFOMBYxFDASBgNVBAMMC2V4YW1wbGUuY29tMCAXDTI2MTEyNDA3MDgyMVoY
            DzIxMjYxMDMxMDcwODIxWjAWMRQwEgYDVQQDDAtleGFtcGxlLmNvbTCBnTALBgkq
            hkiG9w0BAQoDgY0AMIGJAoGBAJnWEX2sjwVzUlGimUYsJhp83ThNQlUeGWRgom3d
            IMMlBMpYcAudokhNBeeGGxyxD2NlFku4rGkMQzEqNW+ujfsrwSK10iRhruoo2uwp
            zgYDiPt4S0sggv3L7gEZuCb2kTrflTEaCWPilwY4j8oOW9aZAet+ihdL+3nRYU73
            k+6DAgMBAAGjUzBRMB0GA1UdDgQWBBSOpApRFqdhxmwCDbscaBjGGdcrLzAfBgNV
            HSMEGDAWgBSOpApRFqdhxmwCDbscaBjGGdcrLzAPBgNVHRMBAf8EBTADAQH/MEEG
            CSqGSIb3DQEBCjA0oA8wDQYJYIZIAWUDBAICBQChHDAaBgkqhkiG9w0BAQgwDQYJ
            YIZIAWUDBAICBQCiAwIBTgOBgQCG5TOLFEEKysu1HWDI0/GRlLF19zd/nAF6xApF
            Zd/dTF8An8u8ZHvqaoc9yt8O56GtMVLxUO0EYpJS72szYhV2r9HmhK4R5l4Fl0MQ
            9atMaV/0JTu/HwBc3o97MUdJTGhoPG+ahZsCgm7rp+AbkOvHXflHcY7qZ0unSfl/
            rJHkFw==
            -----END CERTIFICATE-----
            """;

    private static final String ED25519 = """
            -----BEGIN CERTIFICATE-----
            MIIBQjCB9aADAgECAhQfCcqB5gaUoIeVl4P1AqPPCHPlJjAFBgMrZXAwFjEUMBIG
            A1UEAwwLZXhhbXBsZS5jb20wIBcNMjYxMTI0MDcwODIxWhgPMjEyNjEwMzEwNzA4
            MjFaMBYxFDASBgNVBAMMC2V4YW1wbGUuY29tMCowBQYDK2VwAyEALtTqHl/IOwGS
            1A3+/WpOjAvacj7yTN2yVhuIIxtQfFyjUzBRMB0GA1UdDgQWBBR2HDk7+RAY+1LU
            Ld8BlIrncGSNFDAfBgNVHSMEGDAWgBR2HDk7+RAY+1LULd8BlIrncGSNFDAPBgNV
            HRMBAf8EBTADAQH/MAUGAytlcANBAMs15tzWgLTHfGwNQtQEIWMTCZjGrXpe8dRq
            RoLxxEUF1ogFSrCBuni1Nf414XbWY+7IZlPkp+HNTGcivmqCpww=
            -----END CERTIFICATE-----
            """;
}
