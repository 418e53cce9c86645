package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server goes away and comes back: connections reconnect with their state, the client heals by itself. */
@Beanstalkd
@Timeout(30)
class RestartIntegrationTests {

    @Test
    void reconnectRestoresTheUsedTubeAndTheWatchList(BeanstalkdServer server) {
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection worker = connections.open();
            worker.use("restart-used");
            worker.watch("restart-a");
            worker.watch("restart-b");
            worker.ignore("default");
            server.restart();
            assertThatThrownBy(worker::listTubeUsed).isInstanceOf(BeanstalkConnectionException.class);
            assertThat(worker.isOpen()).isFalse();
            worker.reconnect();
            assertThat(worker.isOpen()).isTrue();
            assertThat(worker.listTubeUsed()).isEqualTo("restart-used");
            assertThat(worker.usedTube()).isEqualTo("restart-used");
            assertThat(worker.listTubesWatched()).containsExactlyInAnyOrder("restart-a", "restart-b");
            assertThat(worker.watchedTubes()).containsExactly("restart-a", "restart-b");
            long id = worker.put(bytes("after"));
            BeanstalkConnection producer = connections.open();
            producer.use("restart-b");
            long other = producer.put(bytes("b"));
            assertThat(worker.reserve(Duration.ZERO).reservedJob().map(Job::id)).contains(other);
            assertThat(producer.statsJob(id).orElseThrow().tube()).isEqualTo("restart-used");
        }
    }

    @Test
    void reconnectReturnsTheOldSocketsJobs(BeanstalkdServer server) {
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection worker = connections.worker("restart-held");
            long id = worker.put(bytes("held"));
            worker.reserve();
            worker.reconnect();
            assertThat(worker.statsJob(id).orElseThrow().state()).isEqualTo(JobState.READY);
            assertThat(worker.reserve(Duration.ZERO).reservedJob().map(Job::id)).contains(id);
        }
    }

    @Test
    void commandsInFlightFailWhenTheServerDies(BeanstalkdServer server) throws Exception {
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection worker = connections.worker("restart-inflight");
            CompletableFuture<Reservation> blocked = worker.async().reserve(Duration.ofSeconds(10));
            List<CompletableFuture<Long>> behind = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                behind.add(worker.async().put(bytes("p" + i), JobOptions.DEFAULT));
            }
            Thread.sleep(100);
            server.kill();
            assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(BeanstalkConnectionException.class);
            for (CompletableFuture<Long> future : behind) {
                assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(BeanstalkConnectionException.class);
            }
            assertThat(worker.isOpen()).isFalse();
            server.start();
            worker.reconnect();
            assertThat(worker.listTubeUsed()).isEqualTo("restart-inflight");
        }
    }

    @Test
    void theClientFailsAtMostOneCallPerCallerAndThenWorksAgain(BeanstalkdServer server) throws Exception {
        try (Connections connections = new Connections(server)) {
            BeanstalkClient client = connections.client();
            assertThat(client.options().servers()).hasSize(1);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                for (int i = 0; i < 4; i++) {
                    client.put("restart-client", bytes("warm"));
                }
                server.restart();
                List<Future<Integer>> failures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    failures.add(callers.submit(() -> {
                        int failed = 0;
                        for (int i = 0; i < 20; i++) {
                            try {
                                long id = client.put("restart-client", bytes("after"));
                                assertThat(client.peek(id)).isPresent();
                            } catch (BeanstalkConnectionException e) {
                                failed++;
                            }
                        }
                        return failed;
                    }));
                }
                int total = 0;
                for (Future<Integer> failed : failures) {
                    assertThat(failed.get(20, TimeUnit.SECONDS)).as("failed calls of one caller").isLessThanOrEqualTo(1);
                    total += failed.get();
                }
                // a failed call's outcome is unknown: its put may have reached the server, or the failure was its peek
                assertThat(client.statsTube("restart-client").orElseThrow().currentJobsReady())
                        .as("every call but the failed ones put its job").isBetween(4L * 20 - total, 4L * 20);
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void aSingleCallerSeesAtMostOneFailedCall(BeanstalkdServer server) {
        try (Connections connections = new Connections(server)) {
            BeanstalkClient client = connections.client();
            for (int i = 0; i < 4; i++) {
                client.put("restart-single", bytes("warm"));
            }
            server.restart();
            int failed = 0;
            for (int i = 0; i < 10; i++) {
                try {
                    client.put("restart-single", bytes("after"));
                } catch (BeanstalkConnectionException e) {
                    failed++;
                }
            }
            assertThat(failed).isLessThanOrEqualTo(1);
            assertThat(client.statsTube("restart-single").orElseThrow().currentJobsReady())
                    .isBetween(10L - failed, 10L);
        }
    }
}
