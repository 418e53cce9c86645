package dev.beanstalk.embedded.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.DrainingException;
import dev.beanstalk.client.Reservation;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code @Beanstalkd(embedded = true)}: the extension runs this module's server, found through its provider. */
@Beanstalkd(embedded = true, binlog = true)
class EmbeddedExtensionTests {

    @Test
    void theExtensionRunsTheEmbeddedServer(BeanstalkdServer server) throws IOException {
        assertThat(server.isEmbedded()).isTrue();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.binlogDirectory()).isDirectory();
        try (Socket socket = new Socket(server.host(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("use raw\r\nput 0 0 10 5\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readLine(socket.getInputStream())).isEqualTo("USING raw");
            assertThat(readLine(socket.getInputStream())).startsWith("INSERTED ");
        }
    }

    @Test
    void jobsRoundTripThroughTheClient(BeanstalkdServer server) {
        try (BeanstalkConnection connection = BeanstalkConnection.open(server.host(), server.port())) {
            connection.use("extension");
            connection.watch("extension");
            connection.ignore("default");
            long id = connection.put("body".getBytes(StandardCharsets.UTF_8));
            Reservation reservation = connection.reserve(Duration.ofSeconds(1));
            assertThat(reservation).isInstanceOfSatisfying(Reservation.Reserved.class, reserved -> {
                assertThat(reserved.job().id()).isEqualTo(id);
                assertThat(reserved.job().bodyAsString()).isEqualTo("body");
            });
            assertThat(connection.delete(id)).isTrue();
        }
    }

    @Test
    void restartAndKillKeepThePortAndTheBinlogsJobs(BeanstalkdServer server) {
        int port = server.port();
        long id;
        try (BeanstalkClient client = BeanstalkClient.create(server.host(), port)) {
            id = client.put("survivors", "kept".getBytes(StandardCharsets.UTF_8));
        }

        server.restart();
        assertThat(server.port()).isEqualTo(port);
        try (BeanstalkClient client = BeanstalkClient.create(server.host(), port)) {
            assertThat(client.peek(id).orElseThrow().bodyAsString()).isEqualTo("kept");
        }

        server.kill();
        assertThat(server.isRunning()).isFalse();
        server.start();
        assertThat(server.port()).isEqualTo(port);
        try (BeanstalkClient client = BeanstalkClient.create(server.host(), port)) {
            assertThat(client.peek(id).orElseThrow().bodyAsString()).isEqualTo("kept");
            assertThat(client.delete(id)).isTrue();
        }
    }

    @Test
    void processOnlyOperationsSaySo(BeanstalkdServer server) {
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(server::pid)
                .withMessageContaining("not a process");
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> server.signal("STOP"))
                .withMessageContaining("SIGSTOP");
    }

    @Test
    void theBuilderTakesMaxJobSizeAndTheSupportedFlags() {
        try (BeanstalkdServer server = BeanstalkdServer.builder().embedded().maxJobSize(100)
                .arguments("-f", "0", "-s", "4096", "-F").build().start();
                BeanstalkClient client = BeanstalkClient.create(server.host(), server.port())) {
            assertThat(client.stats().maxJobSize()).isEqualTo(100);
            assertThat(client.stats().binlogMaxSize()).isEqualTo(4096);
            assertThat(server.toString()).isEqualTo("embedded beanstalkd at 127.0.0.1:" + server.port());
        }
    }

    @Test
    void drainMakesPutsAnswerDraining() {
        try (BeanstalkdServer server = BeanstalkdServer.builder().embedded().build().start();
                BeanstalkClient client = BeanstalkClient.create(server.host(), server.port())) {
            server.drain();
            assertThatExceptionOfType(DrainingException.class)
                    .isThrownBy(() -> client.put("drained", new byte[] {1}));
            assertThat(client.stats().draining()).isTrue();
        }
    }

    @Test
    void unsupportedFlagsAreNamed() {
        BeanstalkdServer server = BeanstalkdServer.builder().embedded().arguments("-u", "nobody").build();
        assertThatIllegalArgumentException().isThrownBy(server::start)
                .withMessage("The embedded beanstalkd takes the arguments -f MS, -F and -s BYTES, not -u"
                        + " (in [-u, nobody])");
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void aBinaryAndTheEmbeddedServerExcludeEachOther() {
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
                () -> BeanstalkdServer.builder().embedded().binary(java.nio.file.Path.of("/usr/bin/beanstalkd")).build())
                .withMessageContaining("exclude each other");
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
