package dev.beanstalk.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made by the JDK's {@code keytool} for a TLS terminator in tests, with its key, as PEM
 * files for stunnel and as an {@link SSLContext} that trusts it and nothing else.
 */
public final class TestCertificate {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Path certificate;
    private final Path key;
    private final KeyStore trust;

    private TestCertificate(Path directory, List<String> names) throws IOException, GeneralSecurityException {
        Path store = directory.resolve("server.p12");
        keytool(store, names);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        Certificate cert = keys.getCertificate("server");
        PrivateKey privateKey = (PrivateKey) keys.getKey("server", PASSWORD);
        certificate = Files.writeString(directory.resolve("server.crt"), pem("CERTIFICATE", cert.getEncoded()));
        key = Files.writeString(directory.resolve("server.key"), pem("PRIVATE KEY", privateKey.getEncoded()));
        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
    }

    /**
     * Makes a certificate in {@code directory} whose subject alternative names are {@code names}: {@code dns:localhost},
     * {@code ip:127.0.0.1} and the like.
     */
    public static TestCertificate create(Path directory, String... names) {
        try {
            return new TestCertificate(directory, List.of(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not read the certificate keytool made", e);
        }
    }

    public Path certificateFile() {
        return certificate;
    }

    public Path keyFile() {
        return key;
    }

    /** A TLS context that trusts this certificate only. */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(Path store, List<String> names) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=beanstalkd test", "-ext", "SAN=" + String.join(",", names),
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
