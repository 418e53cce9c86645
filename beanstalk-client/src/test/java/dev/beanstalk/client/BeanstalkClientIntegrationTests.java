package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static dev.beanstalk.client.Connections.tube;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** The pooled client's tube-naming calls against a real beanstalkd. */
@Beanstalkd
@Timeout(20)
class BeanstalkClientIntegrationTests {

    private final BeanstalkdServer server;
    private Connections connections;
    private BeanstalkClient client;
    private String tube;

    BeanstalkClientIntegrationTests(BeanstalkdServer server) {
        this.server = server;
    }

    @BeforeEach
    void open(TestInfo test) {
        connections = new Connections(server);
        client = connections.client();
        tube = tube(test);
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void everyPutGoesToTheTubeItNames() throws Exception {
        long a = client.put(tube + "-a", bytes("a"));
        long b = client.put(tube + "-b", bytes("b"), JobOptions.DEFAULT.withPriority(3));
        long c = client.putAsync(tube + "-a", bytes("c"), JobOptions.DEFAULT).get(5, TimeUnit.SECONDS);
        List<Long> all = client.putAll(tube + "-b", List.of(bytes("d"), bytes("e"), new byte[0]), JobOptions.DEFAULT);
        assertThat(all).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(client.statsJob(a).orElseThrow().tube()).isEqualTo(tube + "-a");
        assertThat(client.statsJob(b).orElseThrow().tube()).isEqualTo(tube + "-b");
        assertThat(client.statsJob(b).orElseThrow().priority()).isEqualTo(3);
        assertThat(client.statsJob(c).orElseThrow().tube()).isEqualTo(tube + "-a");
        for (long id : all) {
            assertThat(client.statsJob(id).orElseThrow().tube()).isEqualTo(tube + "-b");
        }
        assertThat(client.peek(all.get(2))).contains(new Job(all.get(2), new byte[0]));
        assertThat(client.statsTube(tube + "-a").orElseThrow().currentJobsReady()).isEqualTo(2);
        assertThat(client.statsTube(tube + "-b").orElseThrow().currentJobsReady()).isEqualTo(4);
        assertThat(client.putAll(tube, List.of(), JobOptions.DEFAULT)).isEmpty();
    }

    @Test
    void peeksKicksAndDeletesNameTheirTube() {
        assertThat(client.peekReady(tube)).isEmpty();
        assertThat(client.peekDelayed(tube)).isEmpty();
        assertThat(client.peekBuried(tube)).isEmpty();
        long ready = client.put(tube, bytes("r"));
        long delayed = client.put(tube, bytes("d"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
        long buried = client.put(tube, bytes("b"));
        try (BeanstalkConnection worker = client.openConnection()) {
            worker.reserveJob(buried);
            worker.bury(buried, 0);
        }
        client.put(tube + "-other", bytes("o"));
        assertThat(client.peekReady(tube)).contains(new Job(ready, bytes("r")));
        assertThat(client.peekDelayed(tube)).contains(new Job(delayed, bytes("d")));
        assertThat(client.peekBuried(tube)).contains(new Job(buried, bytes("b")));
        assertThat(client.kick(tube + "-other", 10)).isZero();
        assertThat(client.kick(tube, 10)).as("buried first").isEqualTo(1);
        assertThat(client.kick(tube, 10)).as("then delayed").isEqualTo(1);
        assertThat(client.kickJob(ready)).isFalse();
        assertThat(client.statsTube(tube).orElseThrow().currentJobsReady()).isEqualTo(3);
        assertThat(client.delete(ready)).isTrue();
        assertThat(client.delete(ready)).isFalse();
        assertThat(client.peek(ready)).isEmpty();
        assertThat(client.statsJob(ready)).isEmpty();
    }

    @Test
    void kickJobWorksOnAnyTube() {
        long delayed = client.put(tube, bytes("d"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
        assertThat(client.kickJob(delayed)).isTrue();
        assertThat(client.statsJob(delayed).orElseThrow().state()).isEqualTo(JobState.READY);
        assertThat(client.kickJob(delayed)).isFalse();
    }

    @Test
    void statsListTubesAndPauses() {
        client.put(tube, bytes("x"));
        assertThat(client.listTubes()).contains("default", tube);
        assertThat(client.stats().currentJobsReady()).isGreaterThanOrEqualTo(1);
        assertThat(client.stats().pid()).isEqualTo(server.pid());
        assertThat(client.pauseTube(tube, Duration.ofSeconds(30))).isTrue();
        TubeStats paused = client.statsTube(tube).orElseThrow();
        assertThat(paused.pause()).isEqualTo(Duration.ofSeconds(30));
        assertThat(paused.isPaused()).isTrue();
        try (BeanstalkConnection worker = client.openConnection()) {
            worker.watch(tube);
            worker.ignore("default");
            assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.TIMED_OUT);
            assertThat(client.resumeTube(tube)).isTrue();
            assertThat(client.statsTube(tube).orElseThrow().pause()).isZero();
            assertThat(worker.reserve(Duration.ofSeconds(1)).reservedJob()).isPresent();
        }
        assertThat(client.pauseTube(tube + "-missing", Duration.ofSeconds(1))).isFalse();
        assertThat(client.resumeTube(tube + "-missing")).isFalse();
        assertThat(client.statsTube(tube + "-missing")).isEmpty();
    }

    @Test
    void openConnectionSharesTheClientsOptions() {
        try (BeanstalkConnection connection = client.openConnection()) {
            assertThat(connection.listTubeUsed()).isEqualTo("default");
            assertThatThrownBy(() -> connection.put(new byte[client.options().maxJobSize() + 1]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(client.toString()).contains(server.host()).contains(Integer.toString(server.port()));
    }

    @Test
    void aClosedClientRefusesCalls() {
        BeanstalkClient closed = BeanstalkClient.create(server.host(), server.port());
        closed.put(tube, bytes("x"));
        closed.close();
        assertThatThrownBy(() -> closed.put(tube, bytes("y"))).isInstanceOf(BeanstalkConnectionException.class)
                .hasMessageContaining("closed");
        assertThat(client.statsTube(tube).orElseThrow().currentJobsReady()).isEqualTo(1);
    }
}
