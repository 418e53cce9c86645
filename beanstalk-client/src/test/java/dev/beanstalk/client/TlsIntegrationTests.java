package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import dev.beanstalk.test.Stunnel;
import dev.beanstalk.test.TestCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS through Debian's stunnel4 in front of a real beanstalkd, with certificates made for the test. */
@Beanstalkd
@Timeout(30)
class TlsIntegrationTests {

    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    static Path directory;

    private static TestCertificate certificate;
    private static Stunnel stunnel;

    @BeforeAll
    static void start(BeanstalkdServer server) throws Exception {
        certificate = TestCertificate.create(Files.createDirectory(directory.resolve("good")), "dns:localhost");
        stunnel = Stunnel.start(server, certificate, directory);
    }

    @AfterAll
    static void stop() {
        stunnel.close();
    }

    @Test
    void aClientAndAConnectionSpeakTlsToTheTerminator() {
        try (BeanstalkClient client = BeanstalkClient.create(tls("localhost", certificate.sslContext()).build());
                BeanstalkConnection worker = client.openConnection()) {
            long id = client.put("tls", bytes("secret"));
            worker.watch("tls");
            Job job = worker.reserve(Duration.ofSeconds(5)).reservedJob().orElseThrow();
            assertThat(job.id()).isEqualTo(id);
            assertThat(job.bodyAsString()).isEqualTo("secret");
            assertThat(worker.delete(id)).isTrue();
        }
    }

    @Test
    void anUntrustedCertificateFailsTheConnectNamingTheServer() throws Exception {
        SSLContext other = TestCertificate.create(Files.createDirectories(directory.resolve("other")), "dns:localhost")
                .sslContext();
        try (BeanstalkClient client = BeanstalkClient.create(tls("localhost", other).connectTimeout(SHORT).build())) {
            assertThatThrownBy(() -> client.put("tls", bytes("x"))).isInstanceOf(BeanstalkConnectionException.class)
                    .hasMessageContaining("localhost:" + stunnel.port()).hasMessageContaining("TLS handshake failed");
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameFailsUnlessVerificationIsOff() {
        try (BeanstalkClient client = BeanstalkClient.create(tls("127.0.0.1", certificate.sslContext())
                .connectTimeout(SHORT).build())) {
            assertThatThrownBy(() -> client.put("tls", bytes("x"))).isInstanceOf(BeanstalkConnectionException.class)
                    .hasMessageContaining("must be trusted and name 127.0.0.1");
        }
        try (BeanstalkClient client = BeanstalkClient.create(tls("127.0.0.1", certificate.sslContext())
                .hostnameVerification(false).build())) {
            assertThat(client.put("tls", bytes("x"))).isPositive();
        }
    }

    @Test
    void aPlainServerBesideATlsOneInOneFleet(BeanstalkdServer server) {
        ServerAddress secure = new ServerAddress("localhost", stunnel.port());
        ServerAddress plain = new ServerAddress(server.host(), server.port());
        ConnectionOptions options = ConnectionOptions.builder().servers(java.util.List.of(secure, plain))
                .sslContext(secure, certificate.sslContext()).build();
        try (BeanstalkClient client = BeanstalkClient.create(options)) {
            long first = client.put("tls-fleet", bytes("a"));
            long second = client.put("tls-fleet", bytes("b"));
            assertThat(client.peek(first).orElseThrow().bodyAsString()).isEqualTo("a");
            assertThat(client.peek(second).orElseThrow().bodyAsString()).isEqualTo("b");
            assertThat(FleetIds.serverIndex(second)).isNotEqualTo(FleetIds.serverIndex(first));
        }
    }

    private static ConnectionOptions.Builder tls(String host, SSLContext context) {
        return ConnectionOptions.builder().server(host, stunnel.port()).sslContext(context)
                .connectTimeout(Duration.ofSeconds(5));
    }
}
