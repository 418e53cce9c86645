package dev.beanstalk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.fake.FakeServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault paths a scripted server shows exactly: a failed automatic use, a failed delete before a reserve. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultPathTests {

    @Test
    void aFailedAutomaticUseFailsItsPutUndoesItAndTheNextPutUsesTheTubeAgain() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("use orders");
            peer.expect("put 1024 0 60 1");
            peer.send("OUT_OF_MEMORY\r\nINSERTED 5\r\n");
            peer.expect("delete 5");
            peer.send("DELETED\r\n");
            peer.expect("use orders");
            peer.expect("put 1024 0 60 1");
            peer.send("USING orders\r\nINSERTED 6\r\n");
            peer.expect("put 1024 0 60 1");
            peer.send("INSERTED 7\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkClient client = BeanstalkClient.builder().options(server.options().build()).poolSize(1)
                .build()) {
            assertThatThrownBy(() -> client.put("orders", bytes("a"))).isInstanceOf(UseFailedException.class)
                    .hasMessageContaining("OUT_OF_MEMORY").hasMessageContaining("'default'")
                    .hasMessageContaining("job 5").satisfies(e -> {
                        assertThat(((UseFailedException) e).tube()).isEqualTo("orders");
                        assertThat(((UseFailedException) e).reply()).isEqualTo("OUT_OF_MEMORY");
                    });
            assertThat(client.put("orders", bytes("b"))).isEqualTo(6);
            assertThat(client.put("orders", bytes("c"))).isEqualTo(7);
        }
    }

    @Test
    void aConnectionsUsedTubeFollowsTheServerWhenAUseFails() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("use a");
            peer.send("USING a\r\n");
            peer.expect("use b");
            peer.send("OUT_OF_MEMORY\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = BeanstalkConnection.open(server.options().build())) {
            connection.use("a");
            assertThatThrownBy(() -> connection.use("b")).isInstanceOf(ServerOutOfMemoryException.class);
            assertThat(connection.usedTube()).isEqualTo("a");
        }
    }

    @Test
    void aDeleteAnsweredWithAnErrorKeepsTheReservationThatFollowedIt() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("delete 3");
            peer.expect("reserve-with-timeout 0");
            peer.send("INTERNAL_ERROR\r\nRESERVED 4 1\r\nx\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = BeanstalkConnection.open(server.options().build())) {
            BeanstalkConnection.NextJob next = connection.deleteAndReserve(3, Duration.ZERO);
            assertThat(next.deleted()).isFalse();
            assertThat(next.deleteFailure()).isInstanceOf(ServerInternalErrorException.class);
            assertThat(next.reservation().reservedJob()).map(Job::id).contains(4L);
        }
    }

    @Test
    void asyncCallsReturnAFailedFutureForAServerThatCannotBeReached() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (BeanstalkClient client = BeanstalkClient.create(ConnectionOptions.builder().server("127.0.0.1", port)
                .reconnectDelay(Duration.ofSeconds(30)).maxReconnectDelay(Duration.ofSeconds(30)).build())) {
            for (int i = 0; i < 3; i++) {
                CompletableFuture<Long> put = client.putAsync("t", bytes("x"), JobOptions.DEFAULT);
                assertThat(put).isCompletedExceptionally();
                assertThatThrownBy(put::join).isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(BeanstalkConnectionException.class);
            }
            assertThatThrownBy(() -> client.putAsync("bad name!", bytes("x"), JobOptions.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
