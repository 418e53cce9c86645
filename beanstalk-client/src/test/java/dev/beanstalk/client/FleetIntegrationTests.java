package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.BeanstalkdFleet;
import dev.beanstalk.test.BeanstalkdServer;
import dev.beanstalk.test.UnreachablePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client of three real beanstalkd processes: where puts go, where id-based calls go, what tube-wide calls add up. */
@Timeout(30)
class FleetIntegrationTests {

    private static BeanstalkdFleet servers;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void start() {
        servers = BeanstalkdFleet.start(3);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        servers.startAll();
    }

    @Test
    void roundRobinSpreadsPutsEvenly() {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        for (int i = 0; i < 30; i++) {
            client.put("fleet-rr", bytes("job " + i));
        }
        assertThat(client.statsTubeByServer("fleet-rr").values()).hasSize(3)
                .allSatisfy(stats -> assertThat(stats.currentJobsReady()).isEqualTo(10));
        assertThat(client.statsTube("fleet-rr").orElseThrow().currentJobsReady()).isEqualTo(30);
    }

    @Test
    void tubeHashKeepsEachTubeOnOneServer() {
        BeanstalkClient client = client(FleetStrategy.tubeHash());
        Set<Integer> used = new HashSet<>();
        for (int t = 0; t < 24; t++) {
            String tube = "fleet-hash-" + t;
            Set<Integer> holders = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                holders.add(FleetIds.serverIndex(client.put(tube, bytes("job"))));
            }
            assertThat(holders).hasSize(1);
            assertThat(client.statsTubeByServer(tube)).hasSize(1)
                    .containsKey(client.servers().get(holders.iterator().next()));
            used.addAll(holders);
        }
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void idBasedCallsReachTheServerHoldingTheJob() {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        Map<Integer, Long> idByServer = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            long id = client.put("fleet-ids", bytes("on " + i));
            idByServer.put(FleetIds.serverIndex(id), id);
        }
        assertThat(idByServer).containsOnlyKeys(0, 1, 2);
        idByServer.forEach((server, id) -> {
            assertThat(client.peek(id).orElseThrow().id()).isEqualTo(id);
            JobStats stats = client.statsJob(id).orElseThrow();
            assertThat(stats.id()).isEqualTo(id);
            assertThat(stats.tube()).isEqualTo("fleet-ids");
            try (BeanstalkConnection direct = BeanstalkConnection.open(servers.server(server).host(),
                    servers.server(server).port())) {
                assertThat(direct.peek(FleetIds.serverJobId(id)).orElseThrow().bodyAsString())
                        .isEqualTo("on " + server);
            }
            BeanstalkConnection worker = worker(client, server, "fleet-ids");
            Job reserved = worker.reserve(Duration.ZERO).reservedJob().orElseThrow();
            assertThat(reserved.id()).isEqualTo(id);
            assertThat(worker.touch(id)).isTrue();
            assertThat(worker.release(id, 5, Duration.ZERO)).isTrue();
            assertThat(worker.reserve(Duration.ZERO).reservedJob().orElseThrow().id()).isEqualTo(id);
            assertThat(worker.bury(id, 5)).isTrue();
            assertThat(client.kickJob(id)).isTrue();
            assertThat(client.delete(id)).isTrue();
            assertThat(client.peek(id)).isEmpty();
        });
    }

    @Test
    void asyncPutsAreRetriedElsewhereAndBatchesGoToOneServerWithItsIds() {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        List<Long> batch = client.putAll("fleet-async", List.of(bytes("a"), bytes("b")), JobOptions.DEFAULT);
        assertThat(batch.stream().map(FleetIds::serverIndex).distinct()).hasSize(1);
        assertThat(client.peek(batch.get(1)).orElseThrow().bodyAsString()).isEqualTo("b");
        servers.server(2).kill();
        List<java.util.concurrent.CompletableFuture<Long>> puts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            puts.add(client.putAsync("fleet-async", bytes("async " + i), JobOptions.DEFAULT));
        }
        for (java.util.concurrent.CompletableFuture<Long> put : puts) {
            long id = put.join();
            assertThat(FleetIds.serverIndex(id)).isNotEqualTo(2);
            assertThat(client.peek(id)).isPresent();
        }
        assertThat(client.inRotation(2)).isFalse();
    }

    @Test
    void anIdOfAnotherServerIsRejectedBeforeItIsSent() {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        long onSecond = FleetIds.of(1, 7);
        BeanstalkConnection first = worker(client, 0, "fleet-reject");
        assertThatThrownBy(() -> first.delete(onSecond)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to server 1");
        assertThatThrownBy(() -> client.peek(FleetIds.of(5, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names server 5");
        assertThat(first.listTubeUsed()).isEqualTo("fleet-reject");
    }

    @Test
    void tubeWideCallsCoverEveryServer() {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        for (int i = 0; i < 6; i++) {
            client.put("fleet-wide", bytes("job " + i));
        }
        for (int server = 0; server < 3; server++) {
            BeanstalkConnection worker = worker(client, server, "fleet-wide");
            worker.bury(worker.reserve(Duration.ZERO).reservedJob().orElseThrow().id(), 1);
            worker.bury(worker.reserve(Duration.ZERO).reservedJob().orElseThrow().id(), 1);
        }
        assertThat(client.statsTube("fleet-wide").orElseThrow().currentJobsBuried()).isEqualTo(6);
        assertThat(client.listTubes()).contains("fleet-wide", "default").doesNotHaveDuplicates();
        assertThat(client.peekBuried("fleet-wide").map(job -> FleetIds.serverIndex(job.id()))).contains(0);
        assertThat(client.kick("fleet-wide", 3)).isEqualTo(3);
        assertThat(client.statsTubeByServer("fleet-wide").values())
                .allSatisfy(stats -> assertThat(stats.currentJobsReady()).isEqualTo(1));
        assertThat(client.kick("fleet-wide", 10)).isEqualTo(3);
        ServerStats sum = client.stats();
        long ready = client.statsByServer().values().stream().mapToLong(ServerStats::currentJobsReady).sum();
        assertThat(sum.currentJobsReady()).isEqualTo(ready).isGreaterThanOrEqualTo(6);
        assertThat(client.pauseTube("fleet-wide", Duration.ofSeconds(30))).isTrue();
        assertThat(client.statsTubeByServer("fleet-wide").values()).hasSize(3).allSatisfy(stats ->
                assertThat(stats.pause()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(client.resumeTube("fleet-wide")).isTrue();
        assertThat(client.pauseTube("fleet-no-such-tube", Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void aDrainingServerLeavesTheRotationAndItsPutsGoElsewhere() {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        BeanstalkdServer second = servers.server(1);
        second.drain();
        for (int i = 0; i < 12; i++) {
            assertThat(FleetIds.serverIndex(client.put("fleet-drain", bytes("job " + i)))).isNotEqualTo(1);
        }
        assertThat(client.inRotation(1)).isFalse();
        second.restart();
    }

    @Test
    void aServerErrorReplyIsNotTriedElsewhere() {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        byte[] tooBig = new byte[70_000];
        BeanstalkClient lax = opened(BeanstalkClient.builder().options(options().maxJobSize(100_000).build()).build());
        long puts = lax.stats().cmdPut();
        assertThatThrownBy(() -> lax.put("fleet-big", tooBig)).isInstanceOf(JobTooBigException.class);
        assertThat(lax.stats().cmdPut()).isEqualTo(puts + 1);
        assertThat(client.inRotation(0) && client.inRotation(1) && client.inRotation(2)).isTrue();
    }

    @Test
    @Timeout(45)
    void aServerKilledMidStreamLosesNoAcknowledgedPut() throws Exception {
        BeanstalkClient client = client(FleetStrategy.roundRobin());
        FleetTraffic traffic = new FleetTraffic(client, "fleet-kill", 3);
        try (traffic) {
            traffic.start();
            traffic.awaitAcknowledged(300);
            servers.server(1).kill();
            long killedAt = traffic.acknowledged();
            traffic.awaitAcknowledged(killedAt + 600);
            servers.server(1).start();
            traffic.awaitAcknowledged(traffic.acknowledged() + 300);
            traffic.stopProducers();
            traffic.awaitEveryJobHandled(Duration.ofSeconds(20));
        }
        assertThat(traffic.failedCallsPerProducer()).allSatisfy(failed -> assertThat(failed).isLessThanOrEqualTo(1));
        assertThat(traffic.unhandled()).isEmpty();
        assertThat(traffic.handledOn()).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void whenEveryServerIsDownAPutFailsAtOnceNamingEachServerAndItsError() throws Exception {
        List<ServerAddress> closed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closed.add(new ServerAddress("127.0.0.1", socket.getLocalPort()));
            }
        }
        BeanstalkClient client = opened(BeanstalkClient.create(ConnectionOptions.builder().servers(closed)
                .reconnectDelay(Duration.ofSeconds(10)).maxReconnectDelay(Duration.ofSeconds(10)).build()));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.put("fleet-down", bytes("x")))
                    .isInstanceOf(BeanstalkConnectionException.class);
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.put("fleet-down", bytes("x"))).isInstanceOf(BeanstalkConnectionException.class)
                .hasMessageStartingWith("no server of the fleet is in rotation")
                .hasMessageContainingAll(closed.get(0).toString(), closed.get(1).toString(), closed.get(2).toString())
                .hasMessageContaining("refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aServerThatTimesOutCostsOneConnectTimeoutPerPauseNotOnePerPut() {
        try (UnreachablePort unreachable = UnreachablePort.open()) {
            List<ServerAddress> addresses = new ArrayList<>(List.of(new ServerAddress(unreachable.host(),
                    unreachable.port())));
            addresses.addAll(options().build().servers().subList(0, 2));
            BeanstalkClient client = opened(BeanstalkClient.create(ConnectionOptions.builder().servers(addresses)
                    .connectTimeout(Duration.ofMillis(700)).reconnectDelay(Duration.ofSeconds(5))
                    .maxReconnectDelay(Duration.ofSeconds(5)).build()));
            int slow = 0;
            for (int i = 0; i < 60; i++) {
                long start = System.nanoTime();
                assertThat(FleetIds.serverIndex(client.put("fleet-timeout", bytes("x")))).isNotZero();
                slow += Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(350)) > 0 ? 1 : 0;
            }
            assertThat(slow).isEqualTo(1);
            assertThat(client.inRotation(0)).isFalse();
        }
    }

    private BeanstalkConnection worker(BeanstalkClient client, int server, String tube) {
        BeanstalkConnection worker = opened(client.openConnection(server));
        worker.use(tube);
        worker.watch(tube);
        worker.ignore("default");
        return worker;
    }

    private BeanstalkClient client(FleetStrategy strategy) {
        return opened(BeanstalkClient.builder().options(options().build()).strategy(strategy).build());
    }

    private static ConnectionOptions.Builder options() {
        List<ServerAddress> addresses = servers.servers().stream()
                .map(server -> new ServerAddress(server.host(), server.port())).toList();
        return ConnectionOptions.builder().servers(addresses).reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(500));
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        opened.add(closeable);
        return closeable;
    }
}
