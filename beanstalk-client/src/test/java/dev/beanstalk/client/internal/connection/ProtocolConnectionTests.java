package dev.beanstalk.client.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.client.BadFormatException;
import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.BeanstalkTimeoutException;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobTooBigException;
import dev.beanstalk.client.NotIgnoredException;
import dev.beanstalk.client.Reservation;
import dev.beanstalk.client.UnknownCommandException;
import dev.beanstalk.client.fake.FakeServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection against a scripted server that misbehaves: silent, slow, disconnecting, sending garbage or overlong
 * replies. Every case ends in a clear exception within a bounded time, the connection is closed when the stream can no
 * longer be trusted, and every command in flight fails with it.
 */
@Timeout(20)
class ProtocolConnectionTests {

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheReadTimeoutAndClosesTheConnection() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("stats");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = open(server, Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(connection::stats).isInstanceOf(BeanstalkTimeoutException.class)
                    .hasMessageContaining("stats").hasMessageContaining("300 ms");
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(elapsed).isBetween(250L, 2_000L);
            assertThat(connection.isOpen()).isFalse();
            assertThatThrownBy(connection::listTubeUsed).isInstanceOf(BeanstalkConnectionException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void aReserveWithTimeoutWaitsItsOwnTimePlusTheReadTimeout() throws Exception {
        try (FakeServer server = FakeServer.start(FakeServer.Peer::stayMute);
                BeanstalkConnection connection = open(server, Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> connection.reserve(Duration.ofSeconds(1)))
                    .isInstanceOf(BeanstalkTimeoutException.class).hasMessageContaining("1300 ms");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1_250L, 3_000L);
        }
    }

    @Test
    void aBlockingReserveIsNotBoundByTheReadTimeout() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("reserve");
            Thread.sleep(700);
            peer.send("RESERVED 5 2\r\nok\r\n");
            peer.stayMute();
        }); BeanstalkConnection connection = open(server, Duration.ofMillis(200))) {
            assertThat(connection.reserve()).isEqualTo(new Reservation.Reserved(job(5, "ok")));
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void aSlowServerThatCompletesTheReplyWithinTheReadTimeoutIsRead() throws Exception {
        String body = "0123456789".repeat(3);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("peek 3");
            peer.sendSlowly(ascii("FOUND 3 30\r\n" + body + "\r\nUSING x\r\n"), 1, 10);
            peer.expect("list-tube-used");
            peer.stayMute();
        }); BeanstalkConnection connection = open(server, Duration.ofMillis(2000))) {
            assertThat(connection.peek(3)).contains(job(3, body));
            assertThat(connection.listTubeUsed()).isEqualTo("x");
        }
    }

    @Test
    void aServerTricklingOneReplyPastTheReadTimeoutTimesOutThoughEveryPauseIsShort() throws Exception {
        String body = "0123456789".repeat(10);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("peek 3");
            peer.sendSlowly(ascii("FOUND 3 100\r\n" + body + "\r\n"), 1, 20);
            peer.stayMute();
        }); BeanstalkConnection connection = open(server, Duration.ofMillis(400))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> connection.peek(3)).isInstanceOf(BeanstalkTimeoutException.class)
                    .hasMessageContaining("within 400 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void garbageClosesTheConnectionAndFailsEveryCommandInFlight() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            for (int i = 0; i < 5; i++) {
                peer.expect("list-tube-used");
            }
            peer.send("USING a\r\nUSING b\r\nHELLO WORLD\r\nUSING d\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            List<CompletableFuture<String>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(connection.async().listTubeUsed());
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).exceptionally(e -> null)
                    .get(5, TimeUnit.SECONDS);
            assertThat(futures.get(0)).isCompletedWithValue("a");
            assertThat(futures.get(1)).isCompletedWithValue("b");
            assertThat(cause(futures.get(2))).isInstanceOf(BeanstalkProtocolException.class)
                    .hasMessageContaining("HELLO WORLD");
            for (CompletableFuture<String> future : futures.subList(3, 5)) {
                assertThat(cause(future)).isInstanceOf(BeanstalkProtocolException.class);
            }
            assertThat(connection.isOpen()).isFalse();
            assertThatThrownBy(connection::listTubeUsed).isInstanceOf(BeanstalkConnectionException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void aDisconnectInTheMiddleOfAReplyFailsItAndEveryCommandBehindIt() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("reserve-with-timeout 1");
            peer.expect("stats");
            peer.expect("stats");
            peer.send("RESERVED 1 10\r\nhel");
            peer.close();
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            CompletableFuture<Reservation> reserve = connection.async().reserve(Duration.ofSeconds(1));
            CompletableFuture<?> second = connection.async().stats();
            CompletableFuture<?> third = connection.async().stats();
            CompletableFuture.allOf(reserve, second, third).exceptionally(e -> null).get(5, TimeUnit.SECONDS);
            assertThat(cause(reserve)).isInstanceOf(BeanstalkConnectionException.class)
                    .isNotInstanceOf(BeanstalkTimeoutException.class).hasMessageContaining("10-byte reply");
            assertThat(cause(second)).isInstanceOf(BeanstalkConnectionException.class);
            assertThat(cause(third)).isInstanceOf(BeanstalkConnectionException.class);
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void aDisconnectBeforeTheReplyFailsTheSynchronousCaller() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("delete 9");
            peer.send("DELE");
            peer.close();
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.delete(9)).isInstanceOf(BeanstalkConnectionException.class)
                    .hasMessageContaining("delete");
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsAProtocolErrorAtOnce() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("reserve");
            peer.send("RESERVED 1 65536\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            assertThatThrownBy(connection::reserve).isInstanceOf(BeanstalkProtocolException.class)
                    .hasMessageContaining("65536").hasMessageContaining("65535");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void anOverlongReplyLineIsAProtocolErrorAtOnce() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("list-tube-used");
            peer.send("USING " + "x".repeat(100_000));
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            assertThatThrownBy(connection::listTubeUsed).isInstanceOf(BeanstalkProtocolException.class)
                    .hasMessageContaining("longer than");
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void aPutRejectedAsBadFormatClosesTheConnectionBecauseTheServerRanItsBodyAsCommands() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("put 1024 0 60 8");
            peer.send("BAD_FORMAT\r\nUNKNOWN_COMMAND\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.put(ascii("use evil"))).isInstanceOf(BadFormatException.class);
            assertThat(connection.isOpen()).isFalse();
        }
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("put 1024 0 60 1");
            peer.send("UNKNOWN_COMMAND\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.put(ascii("x"))).isInstanceOf(UnknownCommandException.class);
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void errorRepliesThatLeaveTheStreamInStepKeepTheConnection() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("put 1024 0 60 1");
            peer.send("JOB_TOO_BIG\r\n");
            peer.expect("ignore default");
            peer.send("NOT_IGNORED\r\n");
            peer.expect("stats-tube nosuch");
            peer.send("NOT_FOUND\r\n");
            peer.expect("list-tube-used");
            peer.send("USING default\r\n");
            peer.awaitClose(Duration.ofSeconds(5));
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.put(ascii("x"))).isInstanceOf(JobTooBigException.class);
            assertThatThrownBy(() -> connection.ignore("default")).isInstanceOf(NotIgnoredException.class);
            assertThat(connection.statsTube("nosuch")).isEmpty();
            assertThat(connection.listTubeUsed()).isEqualTo("default");
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.watchedTubes()).containsExactly("default");
        }
    }

    @Test
    void closingFromAnotherThreadEndsABlockedReserve() throws Exception {
        CountDownLatch reserving = new CountDownLatch(1);
        try (FakeServer server = FakeServer.start(peer -> {
            peer.expect("reserve");
            reserving.countDown();
            peer.awaitClose(Duration.ofSeconds(5));
        })) {
            BeanstalkConnection connection = open(server, Duration.ofSeconds(5));
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                Future<Reservation> reserve = executor.submit(() -> connection.reserve());
                assertThat(reserving.await(5, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(100);
                connection.close();
                assertThatThrownBy(() -> reserve.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(BeanstalkConnectionException.class);
            } finally {
                executor.shutdownNow();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!server.peer(0).received().equals("reserve\r\nquit\r\n") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.peer(0).received()).isEqualTo("reserve\r\nquit\r\n");
        }
    }

    @Test
    void anAsynchronousCommandWithNobodyWaitingStillTimesOut() throws Exception {
        try (FakeServer server = FakeServer.start(FakeServer.Peer::stayMute);
                BeanstalkConnection connection = open(server, Duration.ofMillis(300))) {
            CompletableFuture<Optional<Job>> peek = connection.async().peek(1);
            assertThatThrownBy(() -> peek.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(BeanstalkTimeoutException.class);
        }
    }

    @Test
    void deleteAndReserveWritesBothCommandsAtOnceAndReturnsBothOutcomes() throws Exception {
        try (FakeServer server = FakeServer.start(peer -> {
            String both = new String(peer.read("delete 7\r\nreserve-with-timeout 2\r\n".length()),
                    StandardCharsets.ISO_8859_1);
            if (!both.equals("delete 7\r\nreserve-with-timeout 2\r\n")) {
                throw new AssertionError(both);
            }
            peer.send("NOT_FOUND\r\nRESERVED 8 1\r\nn\r\n");
            peer.stayMute();
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            BeanstalkConnection.NextJob next = connection.deleteAndReserve(7, Duration.ofMillis(1_500));
            assertThat(next.deleted()).isFalse();
            assertThat(next.reservation()).isEqualTo(new Reservation.Reserved(job(8, "n")));
        }
    }

    @Test
    void manyThreadsOnOneConnectionEachGetTheirOwnReply() throws Exception {
        try (FakeServer server = FakeServer.replying(line -> {
            String id = line.substring("peek ".length());
            return "FOUND " + id + " " + id.length() + "\r\n" + id + "\r\n";
        }); BeanstalkConnection connection = open(server, Duration.ofSeconds(5))) {
            ExecutorService executor = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    results.add(executor.submit(() -> {
                        for (int i = 1; i <= 300; i++) {
                            long id = thread * 1000L + i;
                            Job job = i % 3 == 0 ? connection.async().peek(id).get(5, TimeUnit.SECONDS).orElseThrow()
                                    : connection.peek(id).orElseThrow();
                            assertThat(job.id()).isEqualTo(id);
                            assertThat(job.bodyAsString()).isEqualTo(Long.toString(id));
                        }
                        return 300;
                    }));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get(15, TimeUnit.SECONDS)).isEqualTo(300);
                }
            } finally {
                executor.shutdownNow();
            }
        }
    }

    private static BeanstalkConnection open(FakeServer server, Duration readTimeout) {
        return BeanstalkConnection.open(server.options().readTimeout(readTimeout).build());
    }

    private static Throwable cause(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.join();
            throw new AssertionError("not failed");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    private static Job job(long id, String body) {
        return new Job(id, ascii(body));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
