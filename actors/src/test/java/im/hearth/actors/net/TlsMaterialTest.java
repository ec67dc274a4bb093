package im.hearth.actors.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TlsMaterialTest {

  @TempDir Path dir;

  @Test
  void selfSignedWritesPemFilesAndReloadsTheSameCertificate() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(TlsMaterial.class);
    logger.addAppender(logged);
    try {
      TlsMaterial first = TlsMaterial.selfSigned(dir, "example.net");
      TlsMaterial second = TlsMaterial.selfSigned(dir, "example.net");

      assertTrue(Files.readString(dir.resolve("example.net.crt")).startsWith("-----BEGIN CERTIFICATE-----"));
      assertTrue(Files.readString(dir.resolve("example.net.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
      assertEquals(first.certificate(), second.certificate());
      assertEquals(first.fingerprintSha256(), second.fingerprintSha256());
      assertEquals(
          1,
          logged.list.stream()
              .filter(e -> e.getLevel() == Level.INFO)
              .filter(e -> e.getFormattedMessage().contains(first.fingerprintSha256()))
              .filter(e -> e.getFormattedMessage().contains(dir.resolve("example.net.crt").toString()))
              .count());
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void selfSignedCertificateNamesTheDomainAndAllItsSubdomains() throws Exception {
    X509Certificate cert = TlsMaterial.selfSigned(dir, "Example.NET").certificate();

    Set<String> dnsNames =
        cert.getSubjectAlternativeNames().stream()
            .filter(entry -> (Integer) entry.get(0) == 2)
            .map(entry -> (String) entry.get(1))
            .collect(Collectors.toSet());
    assertEquals(Set.of("example.net", "*.example.net"), dnsNames);
    assertEquals("CN=example.net", cert.getSubjectX500Principal().getName());
    assertTrue(cert.getNotBefore().toInstant().isBefore(Instant.now().minus(Duration.ofHours(23))));
    assertTrue(cert.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(3650))));
    assertTrue(Files.exists(dir.resolve("example.net.crt")));
  }

  @Test
  void selfSignedKeyFileIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    TlsMaterial.selfSigned(dir, "example.net");
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("example.net.key"))));
  }

  @Test
  void selfSignedRejectsANameThatIsNotADomain() {
    assertThrows(IllegalArgumentException.class, () -> TlsMaterial.selfSigned(dir, "../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> TlsMaterial.selfSigned(dir, ".."));
  }

  @Test
  void fromPemLoadsAPkcs1RsaKey() throws Exception {
    KeyPair keys = keyPair("RSA");
    X509Certificate cert = certificate(keys, "rsa.example", "SHA256withRSA");
    Path crt = writePem("rsa.crt", cert);
    Path key = writePem("rsa.key", keys.getPrivate());
    assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));

    assertEquals(cert, TlsMaterial.fromPem(crt, key).certificate());
  }

  @Test
  void fromPemLoadsAnEcKey() throws Exception {
    KeyPair keys = keyPair("EC");
    X509Certificate cert = certificate(keys, "ec.example", "SHA256withECDSA");
    Path crt = writePem("ec.crt", cert);
    Path key = writeOpensslEcKey("ec.key", keys);
    assertTrue(Files.readString(key).startsWith("-----BEGIN EC PARAMETERS-----"));
    assertTrue(Files.readString(key).contains("-----BEGIN EC PRIVATE KEY-----"));

    assertEquals(cert, TlsMaterial.fromPem(crt, key).certificate());
  }

  @Test
  void fromPemKeepsTheWholeChainLeafFirst() throws Exception {
    KeyPair caKeys = keyPair("EC");
    KeyPair leafKeys = keyPair("EC");
    X509Certificate intermediate = certificate(caKeys, "ca.example", "SHA256withECDSA");
    X509Certificate leaf = issue(leafKeys, "leaf.example", caKeys, "ca.example", "SHA256withECDSA");
    Path crt = writePem("chain.crt", leaf, intermediate);
    Path key = writeOpensslEcKey("leaf.key", leafKeys);

    assertEquals(List.of(leaf, intermediate), TlsMaterial.fromPem(crt, key).chain());
  }

  @Test
  void fromPemRejectsAKeyThatIsNotTheLeafCertificatesKey() throws Exception {
    X509Certificate cert = certificate(keyPair("EC"), "ec.example", "SHA256withECDSA");
    Path crt = writePem("ec.crt", cert);
    Path otherKey = writePem("other.key", keyPair("EC").getPrivate());

    assertThrows(IllegalArgumentException.class, () -> TlsMaterial.fromPem(crt, otherKey));
  }

  @Test
  void serverEnginesOfferOnlyTls12And13WithoutClientCertificates() {
    SSLEngine engine = TlsMaterial.selfSigned(dir, "example.net").newServerEngine();

    assertEquals(false, engine.getUseClientMode());
    assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, engine.getEnabledProtocols());
    assertEquals(false, engine.getNeedClientAuth());
    assertEquals(false, engine.getWantClientAuth());
  }

  private static KeyPair keyPair(String algorithm) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) generator.initialize(new ECGenParameterSpec("secp256r1"));
    else generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static X509Certificate certificate(KeyPair keys, String cn, String signatureAlgorithm)
      throws Exception {
    return issue(keys, cn, keys, cn, signatureAlgorithm);
  }

  private static X509Certificate issue(
      KeyPair subjectKeys, String subject, KeyPair issuerKeys, String issuer, String signatureAlgorithm)
      throws Exception {
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + issuer), BigInteger.ONE, Date.from(now.minusSeconds(60)),
            Date.from(now.plusSeconds(3600)), new X500Name("CN=" + subject),
            subjectKeys.getPublic());
    var signer = new JcaContentSignerBuilder(signatureAlgorithm).build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  /**
   * An EC key as {@code openssl ecparam -name prime256v1 -genkey} writes it: an EC PARAMETERS
   * block, then a SEC1 key with its curve and public key. (JcaPEMWriter drops the curve from
   * a SunEC key, which no real tool does.)
   */
  private Path writeOpensslEcKey(String fileName, KeyPair keys) throws Exception {
    PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
    ASN1Encodable curve = pkcs8.getPrivateKeyAlgorithm().getParameters();
    BigInteger secret = ((ECPrivateKey) keys.getPrivate()).getS();
    byte[] publicPoint =
        SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes();
    var sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, secret, new DERBitString(publicPoint), curve);
    Path file = dir.resolve(fileName);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        PemWriter pem = new PemWriter(out)) {
      pem.writeObject(new PemObject("EC PARAMETERS", curve.toASN1Primitive().getEncoded()));
      pem.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }
    return file;
  }

  private Path writePem(String fileName, Object... objects) throws Exception {
    Path file = dir.resolve(fileName);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      for (Object object : objects) pem.writeObject(object);
    }
    return file;
  }
}
