package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static dev.beanstalk.client.Connections.tube;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Clearing a tube's jobs by state and moving its buried jobs, against a real beanstalkd, with and without a worker. */
@Beanstalkd
@Timeout(30)
class TubeMaintenanceIntegrationTests {

    private final BeanstalkdServer server;
    private Connections connections;
    private BeanstalkClient client;
    private TubeMaintenance maintenance;
    private String tube;

    TubeMaintenanceIntegrationTests(BeanstalkdServer server) {
        this.server = server;
    }

    @BeforeEach
    void open(TestInfo test) {
        connections = new Connections(server);
        client = connections.client();
        maintenance = new TubeMaintenance(client);
        tube = tube(test);
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void clearsEachStateOnlyOfItsOwnTube() {
        for (int i = 0; i < 3; i++) {
            client.put(tube, bytes("ready " + i));
            client.put(tube, bytes("delayed " + i), JobOptions.DEFAULT.withDelay(Duration.ofHours(1)));
        }
        long other = client.put(tube + "-other", bytes("untouched"));
        buryOne("buried a");
        buryOne("buried b");

        assertThat(maintenance.clear(tube, JobState.BURIED)).isEqualTo(2);
        assertThat(counts()).containsExactly(3L, 3L, 0L);
        assertThat(maintenance.clearDelayed(tube)).isEqualTo(3);
        assertThat(counts()).containsExactly(3L, 0L, 0L);
        assertThat(maintenance.clearReady(tube)).isEqualTo(3);
        assertThat(counts()).containsExactly(0L, 0L, 0L);
        assertThat(client.peek(other)).isPresent();
    }

    @Test
    void aMissingTubeHasNothingToClearOrMove() {
        assertThat(maintenance.clearReady(tube)).isZero();
        assertThat(maintenance.moveBuried(tube, tube + "-to")).isZero();
    }

    @Test
    void reservedJobsAndInvalidArgumentsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> maintenance.clear(tube, JobState.RESERVED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved").hasMessageContaining(tube);
        assertThatThrownBy(() -> maintenance.moveBuried(tube, tube))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("into itself");
        assertThatThrownBy(() -> maintenance.moveBuried(tube, "bad name!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name!");
    }

    @Test
    void movesBuriedJobsWithTheirBodyPriorityAndTtr() {
        long id = client.put(tube, bytes("first"), new JobOptions(7, Duration.ZERO, Duration.ofSeconds(42)));
        BeanstalkConnection worker = connections.worker(tube);
        Job job = worker.reserve(Duration.ofSeconds(5)).reservedJob().orElseThrow();
        assertThat(worker.bury(job.id(), 7)).isTrue();

        assertThat(maintenance.moveBuried(tube, tube + "-to")).isEqualTo(1);

        assertThat(client.peek(id)).isEmpty();
        Job moved = client.peekReady(tube + "-to").orElseThrow();
        assertThat(moved.bodyAsString()).isEqualTo("first");
        JobStats stats = client.statsJob(moved.id()).orElseThrow();
        assertThat(stats.priority()).isEqualTo(7);
        assertThat(stats.ttr()).isEqualTo(Duration.ofSeconds(42));
        assertThat(counts()).containsExactly(0L, 0L, 0L);
    }

    @Test
    void clearingAndMovingWhileAWorkerRunsNeitherLosesNorDuplicatesAJob() throws Exception {
        int jobs = 200;
        for (int i = 0; i < jobs; i++) {
            client.put(tube, bytes(Integer.toString(i)));
        }
        for (int i = 0; i < 20; i++) {
            buryOne("buried " + i);
        }
        Set<String> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        BeanstalkConnection worker = connections.worker(tube);
        Thread thread = new Thread(() -> {
            started.countDown();
            while (running.get()) {
                worker.reserve(Duration.ofSeconds(1)).reservedJob().ifPresent(job -> {
                    if (!handled.add(job.bodyAsString())) {
                        duplicates.incrementAndGet();
                    }
                    worker.delete(job.id());
                });
            }
        });
        thread.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        long moved = maintenance.moveBuried(tube, tube + "-to");
        long cleared = maintenance.clearReady(tube);
        running.set(false);
        thread.join(5000);

        assertThat(duplicates).hasValue(0);
        assertThat(moved).isEqualTo(20);
        assertThat(client.statsTube(tube + "-to").orElseThrow().currentJobsReady()).isEqualTo(20);
        assertThat(handled.size() + cleared).as("every ready job either handled or cleared, once").isEqualTo(jobs);
        assertThat(client.statsTube(tube).map(TubeStats::currentJobsReady).orElse(0L)).isZero();
    }

    private void buryOne(String body) {
        BeanstalkConnection connection = connections.worker(tube);
        long id = connection.put(bytes(body), JobOptions.DEFAULT.withPriority(100));
        assertThat(connection.reserveJob(id)).isPresent();
        assertThat(connection.bury(id, 100)).isTrue();
    }

    private List<Long> counts() {
        TubeStats stats = client.statsTube(tube).orElseThrow();
        return List.of(stats.currentJobsReady(), stats.currentJobsDelayed(), stats.currentJobsBuried());
    }
}
