package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static dev.beanstalk.client.Connections.tube;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** What takes time on the server: reserve timeouts, DEADLINE_SOON, TTR expiry, touch, delays and pauses. Kept short. */
@Beanstalkd
@Timeout(20)
class ReserveTimingIntegrationTests {

    private final BeanstalkdServer server;
    private Connections connections;
    private String tube;

    ReserveTimingIntegrationTests(BeanstalkdServer server) {
        this.server = server;
    }

    @BeforeEach
    void open(TestInfo test) {
        connections = new Connections(server);
        tube = tube(test);
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void reserveWithTimeoutTimesOutAfterItsTime() {
        BeanstalkConnection worker = connections.worker(tube);
        long start = System.nanoTime();
        assertThat(worker.reserve(Duration.ofMillis(800))).isEqualTo(Reservation.TIMED_OUT);
        assertThat(elapsedMillis(start)).as("rounded up to 1 s").isBetween(900L, 2_500L);
        assertThat(worker.isOpen()).isTrue();
    }

    @Test
    void deadlineSoonComesAtOnceWhenAHeldJobIsWithinItsLastSecond() {
        BeanstalkConnection worker = connections.worker(tube);
        long first = worker.put(bytes("1"), JobOptions.DEFAULT.withTtr(Duration.ofSeconds(1)));
        worker.put(bytes("2"), JobOptions.DEFAULT.withTtr(Duration.ofSeconds(1)));
        assertThat(worker.reserve().reservedJob()).isPresent();
        assertThat(worker.reserve().reservedJob()).as("a ready job wins over DEADLINE_SOON").isPresent();
        long start = System.nanoTime();
        assertThat(worker.reserve(Duration.ofSeconds(5))).isEqualTo(Reservation.DEADLINE_SOON)
                .isInstanceOf(Reservation.DeadlineSoon.class);
        assertThat(worker.reserve()).isEqualTo(Reservation.DEADLINE_SOON);
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.DEADLINE_SOON);
        assertThat(elapsedMillis(start)).isLessThan(500);
        assertThat(worker.statsJob(first).orElseThrow().state()).isEqualTo(JobState.RESERVED);
        assertThat(worker.reserveJob(first)).isEmpty();
        assertThat(worker.isOpen()).isTrue();
    }

    /**
     * The job's TTR runs out while its worker is idle, and the worker's next reserve finds it ready again. (beanstalkd
     * 1.12 was seen not to expire the TTR of a job whose connection sat idle while a second connection polled
     * stats-job; the worker's own next reserve makes the server process it, so the worker itself reserves.)
     */
    @Test
    void deadlineSoonEndsABlockedReserveAndTheJobReturnsAfterItsTtr() throws InterruptedException {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("ttr"), JobOptions.DEFAULT.withTtr(Duration.ofSeconds(2)));
        worker.reserve();
        long start = System.nanoTime();
        assertThat(worker.reserve(Duration.ofSeconds(10))).isEqualTo(Reservation.DEADLINE_SOON);
        assertThat(elapsedMillis(start)).isBetween(500L, 1_800L);
        assertThat(worker.statsJob(id).orElseThrow().state()).as("DEADLINE_SOON changes nothing")
                .isEqualTo(JobState.RESERVED);
        Thread.sleep(1_300);
        // a reserve that reaches the server just before it has expired the job still answers DEADLINE_SOON
        Reservation again = worker.reserve(Duration.ofSeconds(2));
        for (int i = 0; i < 10 && again instanceof Reservation.DeadlineSoon; i++) {
            Thread.sleep(200);
            again = worker.reserve(Duration.ofSeconds(2));
        }
        assertThat(again.reservedJob()).contains(new Job(id, bytes("ttr")));
        JobStats stats = worker.statsJob(id).orElseThrow();
        assertThat(stats.timeouts()).isEqualTo(1);
        assertThat(stats.reserves()).isEqualTo(2);
        assertThat(stats.releases()).isZero();
        assertThat(worker.stats().jobTimeouts()).isGreaterThanOrEqualTo(1);
        assertThat(worker.delete(id)).isTrue();
    }

    @Test
    void touchGivesTheJobAFullTtrAgain() throws InterruptedException {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("touch"), JobOptions.DEFAULT.withTtr(Duration.ofSeconds(3)));
        worker.reserve();
        Thread.sleep(1_100);
        assertThat(worker.statsJob(id).orElseThrow().timeLeft()).isEqualTo(Duration.ofSeconds(1));
        assertThat(connections.open().touch(id)).isFalse();
        assertThat(worker.touch(id)).isTrue();
        assertThat(worker.statsJob(id).orElseThrow().timeLeft()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aDelayedJobBecomesReadyWhenItsDelayEnds() {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("later"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(1)));
        assertThat(worker.statsJob(id).orElseThrow().state()).isEqualTo(JobState.DELAYED);
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.TIMED_OUT);
        long start = System.nanoTime();
        assertThat(worker.reserve(Duration.ofSeconds(3)).reservedJob().map(Job::id)).contains(id);
        assertThat(elapsedMillis(start)).isBetween(300L, 2_000L);
    }

    @Test
    void aPauseEndsByItself() {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("paused"));
        assertThat(worker.pauseTube(tube, Duration.ofSeconds(1))).isTrue();
        TubeStats stats = worker.statsTube(tube).orElseThrow();
        assertThat(stats.pause()).isEqualTo(Duration.ofSeconds(1));
        assertThat(stats.pauseTimeLeft()).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.TIMED_OUT);
        long start = System.nanoTime();
        assertThat(worker.reserve(Duration.ofSeconds(3)).reservedJob().map(Job::id)).contains(id);
        assertThat(elapsedMillis(start)).isBetween(300L, 2_500L);
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
