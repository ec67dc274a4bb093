package im.hearth.actors.net;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.IDN;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS identity: private key, certificate chain and the {@link SSLContext} built
 * from them. Loaded from PEM files (a full chain, leaf first, and an unencrypted PKCS#8,
 * PKCS#1 RSA or SEC1 EC key), or self-signed on first start for a domain so a fresh install
 * speaks TLS at once. Immutable and shared by every connection of a listener.
 */
public final class TlsMaterial {

  private static final Logger log = LoggerFactory.getLogger(TlsMaterial.class);
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final char[] NO_PASSWORD = new char[0];

  private final SSLContext sslContext;
  private final List<X509Certificate> chain;

  private TlsMaterial(SSLContext sslContext, List<X509Certificate> chain) {
    this.sslContext = sslContext;
    this.chain = List.copyOf(chain);
  }

  /**
   * Loads a certificate chain (leaf first, as in a Let's Encrypt {@code fullchain.pem}) and
   * its private key. Fails if the key does not belong to the leaf certificate.
   */
  public static TlsMaterial fromPem(Path certificateChainPem, Path privateKeyPem) {
    List<X509Certificate> chain = new ArrayList<>();
    for (Object object : readPem(certificateChainPem)) {
      if (object instanceof X509CertificateHolder holder) chain.add(toCertificate(holder));
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no certificate in " + certificateChainPem);
    }
    PrivateKey key = null;
    for (Object object : readPem(privateKeyPem)) {
      PrivateKey found = toPrivateKey(object, privateKeyPem);
      if (found != null) {
        key = found;
        break;
      }
    }
    if (key == null) throw new IllegalArgumentException("no private key in " + privateKeyPem);
    if (!keyMatches(key, chain.get(0))) {
      throw new IllegalArgumentException(
          privateKeyPem + " is not the key of the first certificate in " + certificateChainPem);
    }
    return new TlsMaterial(serverContext(key, chain), chain);
  }

  /**
   * Loads {@code directory/<domain>.crt} and {@code .key}, generating them first if either is
   * missing: an EC P-256 key and a self-signed certificate for {@code domain} and {@code
   * *.domain}, valid for ten years. An internationalised domain is used in its A-label
   * (punycode) form, in the certificate and in the file names.
   */
  public static TlsMaterial selfSigned(Path directory, String domain) {
    String asciiDomain = asciiDomain(domain);
    Path certificateFile = directory.resolve(asciiDomain + ".crt");
    Path keyFile = directory.resolve(asciiDomain + ".key");
    if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
      generate(directory, asciiDomain, certificateFile, keyFile);
    }
    return fromPem(certificateFile, keyFile);
  }

  /** A new engine for one server connection: TLS 1.2 or 1.3, no client certificate asked. */
  public SSLEngine newServerEngine() {
    SSLEngine engine = sslContext.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setNeedClientAuth(false);
    engine.setWantClientAuth(false);
    engine.setEnabledProtocols(supportedProtocols(engine.getSupportedProtocols()));
    return engine;
  }

  /** The leaf certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The chain as presented to peers, leaf first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /**
   * The SHA-256 fingerprint of the leaf certificate, as {@code openssl x509 -fingerprint
   * -sha256} prints it: upper-case hex pairs separated by colons.
   */
  public String fingerprintSha256() {
    return fingerprintSha256(certificate());
  }

  public SSLContext sslContext() {
    return sslContext;
  }

  /**
   * A client-side context that accepts exactly this certificate as the server's leaf, and
   * nothing else (no chain building, no host name check). For tests and the load generator.
   */
  public static SSLContext trustingContext(X509Certificate cert) {
    Objects.requireNonNull(cert, "cert");
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new ExactCertificateTrustManager(cert)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a TLS client context", e);
    }
  }

  private static void generate(
      Path directory, String domain, Path certificateFile, Path keyFile) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keyPair = generator.generateKeyPair();
      X509Certificate certificate = selfSign(keyPair, domain);

      Files.createDirectories(directory);
      // Write both to temporary files first and move them into place, key first, so that a
      // crash never leaves a certificate without its key.
      Path keyTemp = createPrivateFile(directory, domain + ".key.");
      writePem(keyTemp, new JcaPKCS8Generator(keyPair.getPrivate(), null));
      Path certificateTemp = Files.createTempFile(directory, domain + ".crt.", ".tmp");
      writePem(certificateTemp, certificate);
      Files.move(keyTemp, keyFile, StandardCopyOption.REPLACE_EXISTING);
      Files.move(certificateTemp, certificateFile, StandardCopyOption.REPLACE_EXISTING);
      log.info(
          "Generated a self-signed certificate for {} at {} (SHA-256 {})",
          domain,
          certificateFile,
          fingerprintSha256(certificate));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a certificate to " + directory, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate a certificate for " + domain, e);
    }
  }

  private static X509Certificate selfSign(KeyPair keyPair, String domain)
      throws OperatorCreationException, GeneralSecurityException, IOException {
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, domain).build();
    Instant now = Instant.now();
    BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial,
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(3653))),
            name,
            keyPair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, domain),
              new GeneralName(GeneralName.dNSName, "*." + domain)
            }));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    // clientAuth as well: servers present the same certificate on outgoing s2s connections
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  /** An empty temporary file readable only by its owner where the file system knows POSIX. */
  private static Path createPrivateFile(Path directory, String prefix) throws IOException {
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(
          directory,
          prefix,
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(directory, prefix, ".tmp");
  }

  private static void writePem(Path file, Object object) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(object);
    }
  }

  private static List<Object> readPem(Path file) {
    List<Object> objects = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(in)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        objects.add(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PEM file " + file, e);
    }
    return objects;
  }

  private static X509Certificate toCertificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("unreadable certificate " + holder.getSubject(), e);
    }
  }

  /** The private key in one PEM object, null for objects that carry none (EC PARAMETERS). */
  private static PrivateKey toPrivateKey(Object object, Path file) {
    try {
      var converter = new JcaPEMKeyConverter();
      // the private key alone: a SEC1 EC key may omit its optional public key
      if (object instanceof PEMKeyPair pair) return converter.getPrivateKey(pair.getPrivateKeyInfo());
      if (object instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable private key in " + file, e);
    }
    if (object instanceof ASN1ObjectIdentifier) return null;
    throw new IllegalArgumentException(
        file + " holds a " + object.getClass().getSimpleName()
            + "; expected an unencrypted PKCS#8, PKCS#1 RSA or EC private key");
  }

  private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC", "ECDSA" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> throw new IllegalArgumentException(
              "unsupported private key algorithm " + key.getAlgorithm());
        };
    try {
      byte[] probe = "hearth key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static SSLContext serverContext(PrivateKey key, List<X509Certificate> chain) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keyStore, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the server TLS context", e);
    }
  }

  private static String[] supportedProtocols(String[] supported) {
    List<String> available = Arrays.asList(supported);
    return Arrays.stream(PROTOCOLS).filter(available::contains).toArray(String[]::new);
  }

  private static String asciiDomain(String domain) {
    Objects.requireNonNull(domain, "domain");
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a domain name: " + domain, e);
    }
    // also keeps the name safe to use as a file name: no separators, no "..", not empty
    if (ascii.isEmpty() || ascii.startsWith(".") || ascii.endsWith(".") || ascii.contains("..")) {
      throw new IllegalArgumentException("not a domain name: " + domain);
    }
    return ascii;
  }

  private static String fingerprintSha256(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }

  /** Trusts one server certificate by equality; see {@link #trustingContext}. */
  private static final class ExactCertificateTrustManager extends X509ExtendedTrustManager {
    private final X509Certificate trusted;

    ExactCertificateTrustManager(X509Certificate trusted) {
      this.trusted = trusted;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0 || !trusted.equals(chain[0])) {
        throw new CertificateException("not the trusted certificate");
      }
      trusted.checkValidity();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("this context trusts a server, not clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
