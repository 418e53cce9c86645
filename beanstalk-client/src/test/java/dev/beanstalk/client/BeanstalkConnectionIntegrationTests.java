package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static dev.beanstalk.client.Connections.tube;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Every command of a {@link BeanstalkConnection} against a real beanstalkd, with every reply it can get. */
@Beanstalkd
@Timeout(20)
class BeanstalkConnectionIntegrationTests {

    private static final long MAX_U32 = 4_294_967_295L;
    private static final byte[] BINARY = bytes("a\r\nb\0c\u00ff\r\n");

    private final BeanstalkdServer server;
    private Connections connections;
    private String tube;

    BeanstalkConnectionIntegrationTests(BeanstalkdServer server) {
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

    // ---- put, use, reserve ----

    @Test
    void putAndReserveRoundTripBinaryEmptyAndMaximalBodies() {
        BeanstalkConnection worker = connections.worker(tube);
        byte[] largest = new byte[65_535];
        for (int i = 0; i < largest.length; i++) {
            largest[i] = (byte) i;
        }
        long binary = worker.put(BINARY);
        long empty = worker.put(new byte[0]);
        long large = worker.put(largest);
        assertThat(List.of(binary, empty, large)).isSorted().doesNotHaveDuplicates();
        assertThat(worker.reserve()).isEqualTo(new Reservation.Reserved(new Job(binary, BINARY)));
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(new Reservation.Reserved(new Job(empty, new byte[0])));
        Reservation third = worker.reserve(Duration.ofSeconds(1));
        assertThat(third.reservedJob()).contains(new Job(large, largest));
        assertThat(worker.peek(large)).contains(new Job(large, largest));
    }

    @Test
    void putOptionsAtTheirLimitsAndTtrZeroBecomesOne() {
        BeanstalkConnection connection = connections.worker(tube);
        long max = connection.put(bytes("x"), new JobOptions(MAX_U32, Duration.ofSeconds(MAX_U32),
                Duration.ofSeconds(MAX_U32)));
        JobStats stats = connection.statsJob(max).orElseThrow();
        assertThat(stats.state()).isEqualTo(JobState.DELAYED);
        assertThat(stats.priority()).isEqualTo(MAX_U32);
        assertThat(stats.delay()).isEqualTo(Duration.ofSeconds(MAX_U32));
        assertThat(stats.ttr()).isEqualTo(Duration.ofSeconds(MAX_U32));
        long zero = connection.put(bytes("y"), new JobOptions(0, Duration.ZERO, Duration.ZERO));
        JobStats zeroStats = connection.statsJob(zero).orElseThrow();
        assertThat(zeroStats.ttr()).isEqualTo(Duration.ofSeconds(1));
        assertThat(zeroStats.priority()).isZero();
        assertThat(zeroStats.state()).isEqualTo(JobState.READY);
        assertThat(connection.statsTube(tube).orElseThrow().currentJobsUrgent()).isEqualTo(1);
    }

    @Test
    void useSwitchesTheTubeOfPutsPeeksAndKicks() {
        BeanstalkConnection connection = connections.open();
        assertThat(connection.listTubeUsed()).isEqualTo("default");
        assertThat(connection.usedTube()).isEqualTo("default");
        connection.use(tube);
        assertThat(connection.listTubeUsed()).isEqualTo(tube);
        assertThat(connection.usedTube()).isEqualTo(tube);
        long id = connection.put(bytes("u"));
        assertThat(connection.statsJob(id).orElseThrow().tube()).isEqualTo(tube);
        assertThat(connection.peekReady()).map(Job::id).contains(id);
        connection.use("default");
        assertThat(connection.peekReady().map(Job::id)).isNotEqualTo(Optional.of(id));
        connection.delete(id);
        assertThat(connection.listTubes()).doesNotContain(tube);
    }

    @Test
    void reservePicksTheLowestPriorityThenTheLowestIdAcrossWatchedTubes() {
        BeanstalkConnection producer = connections.open();
        producer.use(tube + "-a");
        long a10 = producer.put(bytes("a10"), JobOptions.DEFAULT.withPriority(10));
        producer.use(tube + "-b");
        long b5 = producer.put(bytes("b5"), JobOptions.DEFAULT.withPriority(5));
        producer.use(tube + "-a");
        long a5 = producer.put(bytes("a5"), JobOptions.DEFAULT.withPriority(5));
        BeanstalkConnection worker = connections.open();
        assertThat(worker.watch(tube + "-a")).isEqualTo(2);
        assertThat(worker.watch(tube + "-b")).isEqualTo(3);
        assertThat(worker.ignore("default")).isEqualTo(2);
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(worker.reserve(Duration.ZERO).reservedJob().orElseThrow().id());
        }
        assertThat(order).containsExactly(b5, a5, a10);
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.TIMED_OUT);
    }

    @Test
    void reserveWithTimeoutZeroOnEmptyTubesTimesOutAtOnce() {
        BeanstalkConnection worker = connections.worker(tube);
        long start = System.nanoTime();
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.TIMED_OUT)
                .isInstanceOf(Reservation.TimedOut.class);
        assertThat(worker.reserve(Duration.ZERO).reservedJob()).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
    }

    // ---- reserve-job ----

    @Test
    void reserveJobTakesReadyDelayedAndBuriedJobsInAnyTubeEvenPaused() {
        BeanstalkConnection producer = connections.worker(tube);
        long ready = producer.put(bytes("r"));
        long delayed = producer.put(bytes("d"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
        long buried = producer.put(bytes("b"));
        assertThat(producer.reserveJob(buried)).map(Job::bodyAsString).contains("b");
        assertThat(producer.bury(buried, 3)).isTrue();
        assertThat(producer.pauseTube(tube, Duration.ofSeconds(100))).isTrue();

        BeanstalkConnection other = connections.open(); // watches only default
        assertThat(other.reserveJob(ready)).contains(new Job(ready, bytes("r")));
        assertThat(other.reserveJob(delayed)).contains(new Job(delayed, bytes("d")));
        assertThat(other.reserveJob(buried)).contains(new Job(buried, bytes("b")));
        for (long id : List.of(ready, delayed, buried)) {
            JobStats stats = other.statsJob(id).orElseThrow();
            assertThat(stats.state()).isEqualTo(JobState.RESERVED);
            assertThat(stats.reserves()).isGreaterThanOrEqualTo(1);
        }
        assertThat(other.reserveJob(ready)).as("already reserved by this connection").isEmpty();
        assertThat(producer.reserveJob(ready)).as("reserved by another connection").isEmpty();
        assertThat(other.release(delayed, 0, Duration.ZERO)).isTrue();
        assertThat(other.statsJob(delayed).orElseThrow().state()).isEqualTo(JobState.READY);
        assertThat(other.reserveJob(-2)).isEmpty();
        producer.pauseTube(tube, Duration.ZERO);
    }

    // ---- delete ----

    @Test
    void deleteOwnReservedAndAnyonesReadyDelayedOrBuriedJob() {
        BeanstalkConnection worker = connections.worker(tube);
        long reserved = worker.put(bytes("1"));
        long ready = worker.put(bytes("2"));
        long delayed = worker.put(bytes("3"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
        long buried = worker.put(bytes("4"));
        worker.reserveJob(buried);
        worker.bury(buried, 0);
        assertThat(worker.reserve().reservedJob().map(Job::id)).contains(reserved);

        BeanstalkConnection other = connections.open();
        assertThat(other.delete(reserved)).as("reserved by another").isFalse();
        assertThat(other.delete(ready)).isTrue();
        assertThat(other.delete(delayed)).isTrue();
        assertThat(other.delete(buried)).isTrue();
        assertThat(other.delete(buried)).isFalse();
        assertThat(worker.delete(reserved)).isTrue();
        assertThat(worker.delete(reserved)).isFalse();
        assertThat(other.delete(-1)).as("id 18446744073709551615").isFalse();
        for (long id : List.of(reserved, ready, delayed, buried)) {
            assertThat(other.peek(id)).isEmpty();
        }
        assertThat(other.statsTube(tube).orElseThrow().cmdDelete()).isEqualTo(4);
    }

    // ---- release, bury, touch ----

    @Test
    void releaseMakesTheJobReadyOrDelayedWithItsNewPriority() {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("job"));
        assertThat(worker.release(id, 1, Duration.ZERO)).as("not reserved").isFalse();
        worker.reserve();
        assertThat(connections.open().release(id, 1, Duration.ZERO)).as("reserved by another").isFalse();
        assertThat(worker.release(id, 7, Duration.ZERO)).isTrue();
        JobStats ready = worker.statsJob(id).orElseThrow();
        assertThat(ready.state()).isEqualTo(JobState.READY);
        assertThat(ready.priority()).isEqualTo(7);
        assertThat(ready.releases()).isEqualTo(1);
        worker.reserve();
        assertThat(worker.release(id, 9, Duration.ofSeconds(10))).isTrue();
        JobStats delayed = worker.statsJob(id).orElseThrow();
        assertThat(delayed.state()).isEqualTo(JobState.DELAYED);
        assertThat(delayed.priority()).isEqualTo(9);
        assertThat(delayed.delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(delayed.timeLeft()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(delayed.releases()).isEqualTo(2);
        assertThat(worker.release(id, 9, Duration.ZERO)).as("delayed, not reserved").isFalse();
    }

    @Test
    void buryKeepsTheJobAsideWithItsNewPriority() {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("job"));
        assertThat(worker.bury(id, 1)).as("not reserved").isFalse();
        worker.reserve();
        assertThat(connections.open().bury(id, 1)).as("reserved by another").isFalse();
        assertThat(worker.bury(id, 99)).isTrue();
        JobStats stats = worker.statsJob(id).orElseThrow();
        assertThat(stats.state()).isEqualTo(JobState.BURIED);
        assertThat(stats.priority()).isEqualTo(99);
        assertThat(stats.buries()).isEqualTo(1);
        assertThat(stats.timeLeft()).isZero();
        assertThat(worker.bury(id, 1)).as("already buried").isFalse();
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.TIMED_OUT);
    }

    @Test
    void touchNeedsTheJobToBeReservedByThisConnection() {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("job"));
        assertThat(worker.touch(id)).as("ready").isFalse();
        worker.reserve();
        assertThat(connections.open().touch(id)).as("reserved by another").isFalse();
        assertThat(worker.touch(id)).isTrue();
        assertThat(worker.touch(-5)).isFalse();
    }

    // ---- watch, ignore ----

    @Test
    void watchAndIgnoreCountTheWatchedTubes() {
        BeanstalkConnection connection = connections.open();
        assertThat(connection.watch(tube)).isEqualTo(2);
        assertThat(connection.watch(tube)).as("idempotent").isEqualTo(2);
        assertThat(connection.ignore(tube + "-never-watched")).isEqualTo(2);
        assertThat(connection.listTubesWatched()).containsExactlyInAnyOrder("default", tube);
        assertThat(connection.ignore("default")).isEqualTo(1);
        assertThatThrownBy(() -> connection.ignore(tube)).isInstanceOf(NotIgnoredException.class)
                .extracting(e -> ((NotIgnoredException) e).reply()).isEqualTo("NOT_IGNORED");
        assertThat(connection.ignore("default")).as("not watched, even as the last one").isEqualTo(1);
        assertThat(connection.listTubesWatched()).containsExactly(tube);
        assertThat(connection.watchedTubes()).containsExactly(tube);
        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.statsTube(tube).orElseThrow().currentWatching()).isEqualTo(1);
    }

    // ---- peek ----

    @Test
    void peekReadyFollowsPriorityThenIdAndPeekAnyStateById() {
        BeanstalkConnection worker = connections.worker(tube);
        long a = worker.put(bytes("A"), JobOptions.DEFAULT.withPriority(5));
        long b = worker.put(bytes("B"), JobOptions.DEFAULT.withPriority(1));
        long c = worker.put(bytes("C"), JobOptions.DEFAULT.withPriority(5));
        long d = worker.put(bytes("D"), JobOptions.DEFAULT.withPriority(1));
        assertThat(worker.peekReady()).contains(new Job(b, bytes("B")));
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(worker.reserve().reservedJob().orElseThrow().id());
        }
        assertThat(order).containsExactly(b, d, a, c);
        assertThat(worker.peekReady()).isEmpty();
        assertThat(connections.open().peek(a)).as("reserved jobs can be peeked").contains(new Job(a, bytes("A")));
        assertThat(worker.peek(-1)).isEmpty();
    }

    @Test
    void peekDelayedGivesTheSoonestAndPeekBuriedTheOldest() {
        BeanstalkConnection worker = connections.worker(tube);
        assertThat(worker.peekReady()).isEmpty();
        assertThat(worker.peekDelayed()).isEmpty();
        assertThat(worker.peekBuried()).isEmpty();
        long late = worker.put(bytes("late"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(99)));
        long soon = worker.put(bytes("soon"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(50)));
        assertThat(worker.peekDelayed()).contains(new Job(soon, bytes("soon")));
        long first = worker.put(bytes("first"), JobOptions.DEFAULT.withPriority(9));
        long second = worker.put(bytes("second"), JobOptions.DEFAULT.withPriority(0));
        worker.reserveJob(second);
        worker.bury(second, 0);
        worker.reserveJob(first);
        worker.bury(first, 0);
        assertThat(worker.peekBuried()).contains(new Job(second, bytes("second")));
        worker.use("default");
        assertThat(worker.peekBuried().map(Job::id)).isNotEqualTo(Optional.of(second));
        assertThat(worker.peek(late)).map(Job::bodyAsString).contains("late");
    }

    // ---- kick, kick-job ----

    @Test
    void kickTakesBuriedJobsBeforeDelayedOnesUpToTheBound() {
        BeanstalkConnection worker = connections.worker(tube);
        long buried1 = worker.put(bytes("b1"));
        long delayed = worker.put(bytes("d"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
        long buried3 = worker.put(bytes("b3"));
        worker.reserveJob(buried1);
        worker.bury(buried1, 0);
        worker.reserveJob(buried3);
        worker.bury(buried3, 0);
        assertThat(worker.kick(1)).isEqualTo(1);
        assertThat(worker.statsJob(buried1).orElseThrow().state()).as("oldest buried first").isEqualTo(JobState.READY);
        assertThat(worker.kick(10)).isEqualTo(1);
        assertThat(worker.statsJob(delayed).orElseThrow().state()).isEqualTo(JobState.DELAYED);
        assertThat(worker.kick(10)).isEqualTo(1);
        JobStats kicked = worker.statsJob(delayed).orElseThrow();
        assertThat(kicked.state()).isEqualTo(JobState.READY);
        assertThat(kicked.kicks()).isEqualTo(1);
        assertThat(worker.kick(MAX_U32)).isZero();
        assertThat(worker.statsJob(buried3).orElseThrow().kicks()).isEqualTo(1);
    }

    @Test
    void kickJobMakesABuriedOrDelayedJobReadyInAnyTube() {
        BeanstalkConnection worker = connections.worker(tube);
        long ready = worker.put(bytes("r"));
        long delayed = worker.put(bytes("d"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
        long buried = worker.put(bytes("b"));
        long reserved = worker.put(bytes("x"));
        worker.reserveJob(buried);
        worker.bury(buried, 0);
        worker.reserveJob(reserved);
        BeanstalkConnection other = connections.open(); // uses default
        assertThat(other.kickJob(ready)).isFalse();
        assertThat(other.kickJob(delayed)).isTrue();
        assertThat(other.kickJob(delayed)).as("now ready").isFalse();
        assertThat(other.kickJob(buried)).isTrue();
        assertThat(other.kickJob(reserved)).isFalse();
        assertThat(other.kickJob(-3)).isFalse();
        assertThat(other.statsJob(delayed).orElseThrow().state()).isEqualTo(JobState.READY);
        assertThat(other.statsJob(buried).orElseThrow().state()).isEqualTo(JobState.READY);
    }

    // ---- stats ----

    @Test
    void statsJobReportsEveryField() {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("s"), new JobOptions(77, Duration.ZERO, Duration.ofSeconds(30)));
        worker.reserve();
        worker.release(id, 78, Duration.ofSeconds(20));
        worker.kickJob(id);
        worker.reserve();
        worker.bury(id, 79);
        worker.kick(1);
        worker.reserve();
        JobStats stats = worker.statsJob(id).orElseThrow();
        assertThat(stats.id()).isEqualTo(id);
        assertThat(stats.tube()).isEqualTo(tube);
        assertThat(stats.state()).isEqualTo(JobState.RESERVED);
        assertThat(stats.priority()).isEqualTo(79);
        assertThat(stats.age()).isBetween(Duration.ZERO, Duration.ofSeconds(2));
        assertThat(stats.delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(stats.ttr()).isEqualTo(Duration.ofSeconds(30));
        assertThat(stats.timeLeft()).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
        assertThat(stats.file()).isZero();
        assertThat(stats.reserves()).isEqualTo(3);
        assertThat(stats.timeouts()).isZero();
        assertThat(stats.releases()).isEqualTo(1);
        assertThat(stats.buries()).isEqualTo(1);
        assertThat(stats.kicks()).isEqualTo(2);
        assertThat(worker.statsJob(-1)).isEmpty();
    }

    @Test
    void statsTubeReportsEveryField() {
        BeanstalkConnection worker = connections.worker(tube);
        worker.put(bytes("urgent"), JobOptions.DEFAULT.withPriority(1));
        worker.put(bytes("ready"));
        long reserved = worker.put(bytes("reserved"));
        worker.put(bytes("delayed"), JobOptions.DEFAULT.withDelay(Duration.ofSeconds(100)));
        long buried = worker.put(bytes("buried"));
        long deleted = worker.put(bytes("deleted"));
        worker.reserveJob(reserved);
        worker.reserveJob(buried);
        worker.bury(buried, 0);
        worker.delete(deleted);
        BeanstalkConnection watcher = connections.open();
        watcher.watch(tube);
        watcher.pauseTube(tube, Duration.ofSeconds(50));
        TubeStats stats = watcher.statsTube(tube).orElseThrow();
        assertThat(stats.name()).isEqualTo(tube);
        assertThat(stats.currentJobsUrgent()).isEqualTo(1);
        assertThat(stats.currentJobsReady()).isEqualTo(2);
        assertThat(stats.currentJobsReserved()).isEqualTo(1);
        assertThat(stats.currentJobsDelayed()).isEqualTo(1);
        assertThat(stats.currentJobsBuried()).isEqualTo(1);
        assertThat(stats.totalJobs()).isEqualTo(6);
        assertThat(stats.currentUsing()).isEqualTo(1);
        assertThat(stats.currentWatching()).isEqualTo(2);
        assertThat(stats.currentWaiting()).isZero();
        assertThat(stats.cmdDelete()).isEqualTo(1);
        assertThat(stats.cmdPauseTube()).isEqualTo(1);
        assertThat(stats.pause()).isEqualTo(Duration.ofSeconds(50));
        assertThat(stats.pauseTimeLeft()).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(50));
        assertThat(stats.isPaused()).isTrue();
        watcher.pauseTube(tube, Duration.ZERO);
        assertThat(watcher.statsTube(tube).orElseThrow().pause()).isZero();
        assertThat(watcher.statsTube(tube + "-missing")).isEmpty();
    }

    @Test
    void statsCountsEveryCommandAndDescribesTheServer() {
        BeanstalkConnection connection = connections.worker(tube);
        ServerStats before = connection.stats();
        long id = connection.put(bytes("x"));
        connection.peek(id);
        connection.peekReady();
        connection.peekDelayed();
        connection.peekBuried();
        connection.reserve();
        connection.touch(id);
        connection.release(id, 0, Duration.ZERO);
        connection.reserve(Duration.ZERO);
        connection.bury(id, 0);
        connection.kick(1);
        connection.use(tube);
        connection.watch(tube);
        connection.ignore(tube + "-x");
        connection.statsJob(id);
        connection.statsTube(tube);
        connection.listTubes();
        connection.listTubeUsed();
        connection.listTubesWatched();
        connection.pauseTube(tube, Duration.ZERO);
        connection.delete(id);
        ServerStats after = connection.stats();

        assertThat(after.cmdPut() - before.cmdPut()).isEqualTo(1);
        assertThat(after.cmdPeek() - before.cmdPeek()).isEqualTo(1);
        assertThat(after.cmdPeekReady() - before.cmdPeekReady()).isEqualTo(1);
        assertThat(after.cmdPeekDelayed() - before.cmdPeekDelayed()).isEqualTo(1);
        assertThat(after.cmdPeekBuried() - before.cmdPeekBuried()).isEqualTo(1);
        assertThat(after.cmdReserve() - before.cmdReserve()).isEqualTo(1);
        assertThat(after.cmdReserveWithTimeout() - before.cmdReserveWithTimeout()).isEqualTo(1);
        assertThat(after.cmdTouch() - before.cmdTouch()).isEqualTo(1);
        assertThat(after.cmdRelease() - before.cmdRelease()).isEqualTo(1);
        assertThat(after.cmdBury() - before.cmdBury()).isEqualTo(1);
        assertThat(after.cmdKick() - before.cmdKick()).isEqualTo(1);
        assertThat(after.cmdUse() - before.cmdUse()).isEqualTo(1);
        assertThat(after.cmdWatch() - before.cmdWatch()).isEqualTo(1);
        assertThat(after.cmdIgnore() - before.cmdIgnore()).isEqualTo(1);
        assertThat(after.cmdStatsJob() - before.cmdStatsJob()).isEqualTo(1);
        assertThat(after.cmdStatsTube() - before.cmdStatsTube()).isEqualTo(1);
        assertThat(after.cmdStats() - before.cmdStats()).isEqualTo(1);
        assertThat(after.cmdListTubes() - before.cmdListTubes()).isEqualTo(1);
        assertThat(after.cmdListTubeUsed() - before.cmdListTubeUsed()).isEqualTo(1);
        assertThat(after.cmdListTubesWatched() - before.cmdListTubesWatched()).isEqualTo(1);
        assertThat(after.cmdPauseTube() - before.cmdPauseTube()).isEqualTo(1);
        assertThat(after.cmdDelete() - before.cmdDelete()).isEqualTo(1);
        assertThat(after.totalJobs() - before.totalJobs()).isEqualTo(1);
        assertThat(after.jobTimeouts()).isEqualTo(before.jobTimeouts());

        assertThat(after.currentJobsReserved()).isZero();
        assertThat(after.currentJobsUrgent()).isLessThanOrEqualTo(after.currentJobsReady());
        assertThat(after.currentJobsDelayed()).isGreaterThanOrEqualTo(0);
        assertThat(after.currentJobsBuried()).isGreaterThanOrEqualTo(0);
        assertThat(after.maxJobSize()).isEqualTo(65_535);
        assertThat(after.currentTubes()).isEqualTo(connection.listTubes().size());
        assertThat(after.currentConnections()).isGreaterThanOrEqualTo(1);
        assertThat(after.currentProducers()).isGreaterThanOrEqualTo(1);
        assertThat(after.currentWorkers()).isGreaterThanOrEqualTo(1);
        assertThat(after.currentWaiting()).isZero();
        assertThat(after.totalConnections()).isGreaterThanOrEqualTo(after.currentConnections());
        assertThat(after.pid()).isEqualTo(server.pid());
        assertThat(after.version()).matches("1\\.1[2-9].*");
        assertThat(after.rusageUtime()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(after.rusageStime()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(after.uptime()).isGreaterThanOrEqualTo(before.uptime());
        assertThat(after.binlogOldestIndex()).isZero();
        assertThat(after.binlogCurrentIndex()).isZero();
        assertThat(after.binlogRecordsMigrated()).isZero();
        assertThat(after.binlogRecordsWritten()).isZero();
        assertThat(after.binlogMaxSize()).isEqualTo(10_485_760);
        assertThat(after.draining()).isFalse();
        assertThat(after.id()).matches("[0-9a-f]{16}");
        assertThat(after.hostname()).isNotBlank().doesNotContain("\"");
        assertThat(after.os()).isNotBlank().doesNotContain("\"");
        assertThat(after.platform()).isNotBlank().doesNotContain("\"");
    }

    @Test
    void listTubesHasEveryExistingTubeAndForgetsUnusedOnes() {
        BeanstalkConnection connection = connections.open();
        connection.watch(tube + "-w");
        connection.use(tube + "-u");
        assertThat(connection.listTubes()).contains("default", tube + "-w", tube + "-u");
        connection.use("default");
        assertThat(connection.listTubes()).contains(tube + "-w").doesNotContain(tube + "-u");
        assertThat(connection.statsTube(tube + "-u")).isEmpty();
    }

    // ---- pause-tube ----

    @Test
    void aPausedTubeIsSkippedByReserveButNotByPeekOrReserveJob() {
        BeanstalkConnection producer = connections.open();
        producer.use(tube + "-p");
        long paused = producer.put(bytes("p"), JobOptions.DEFAULT.withPriority(0));
        producer.use(tube + "-q");
        long other = producer.put(bytes("q"), JobOptions.DEFAULT.withPriority(9));
        assertThat(producer.pauseTube(tube + "-p", Duration.ofSeconds(100))).isTrue();
        BeanstalkConnection worker = connections.open();
        worker.watch(tube + "-p");
        worker.watch(tube + "-q");
        assertThat(worker.reserve().reservedJob().map(Job::id)).contains(other);
        assertThat(worker.reserve(Duration.ZERO)).isEqualTo(Reservation.TIMED_OUT);
        producer.use(tube + "-p");
        assertThat(producer.peekReady().map(Job::id)).contains(paused);
        assertThat(producer.pauseTube(tube + "-p", Duration.ZERO)).isTrue();
        assertThat(worker.reserve(Duration.ofSeconds(1)).reservedJob().map(Job::id)).contains(paused);
        assertThat(producer.pauseTube(tube + "-missing", Duration.ofSeconds(1))).isFalse();
    }

    // ---- quit ----

    @Test
    void closingReturnsReservedJobsToReadyAtOnce() {
        BeanstalkConnection worker = connections.worker(tube);
        long id = worker.put(bytes("q"));
        worker.reserve();
        BeanstalkConnection observer = connections.open();
        assertThat(observer.statsJob(id).orElseThrow().state()).isEqualTo(JobState.RESERVED);
        worker.close();
        assertThat(worker.isOpen()).isFalse();
        JobStats stats = observer.statsJob(id).orElseThrow();
        assertThat(stats.state()).isEqualTo(JobState.READY);
        assertThat(stats.releases()).isZero();
        assertThat(stats.timeouts()).isZero();
        assertThatThrownBy(worker::listTubeUsed).isInstanceOf(BeanstalkConnectionException.class);
        assertThatThrownBy(worker::reconnect).isInstanceOf(BeanstalkConnectionException.class)
                .hasMessageContaining("closed");
    }

    // ---- waiting reservers ----

    @Test
    void blockedReserversAreServedInTheOrderTheyCame() throws Exception {
        BeanstalkConnection first = connections.worker(tube);
        BeanstalkConnection second = connections.worker(tube);
        BeanstalkConnection observer = connections.open();
        // a thread each: the common pool may have a single thread, which the first blocking reserve would hold
        ExecutorService reservers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Reservation> firstReserve = CompletableFuture.supplyAsync(first::reserve, reservers);
            awaitWaiting(observer, 1);
            CompletableFuture<Reservation> secondReserve = CompletableFuture.supplyAsync(second::reserve, reservers);
            awaitWaiting(observer, 2);
            observer.use(tube);
            long one = observer.put(bytes("1"));
            long two = observer.put(bytes("2"));
            assertThat(firstReserve.get(5, TimeUnit.SECONDS).reservedJob().map(Job::id)).contains(one);
            assertThat(secondReserve.get(5, TimeUnit.SECONDS).reservedJob().map(Job::id)).contains(two);
        } finally {
            reservers.shutdownNow();
        }
    }

    @Test
    void deleteAndReserveDeletesAndReservesTheNextJob() {
        BeanstalkConnection worker = connections.worker(tube);
        long one = worker.put(bytes("1"));
        long two = worker.put(bytes("2"));
        worker.reserve();
        BeanstalkConnection.NextJob next = worker.deleteAndReserve(one, Duration.ZERO);
        assertThat(next.deleted()).isTrue();
        assertThat(next.reservation().reservedJob()).contains(new Job(two, bytes("2")));
        BeanstalkConnection.NextJob last = worker.deleteAndReserve(two, Duration.ZERO);
        assertThat(last.deleted()).isTrue();
        assertThat(last.reservation()).isEqualTo(Reservation.TIMED_OUT);
        BeanstalkConnection.NextJob none = worker.deleteAndReserve(two, Duration.ZERO);
        assertThat(none.deleted()).isFalse();
    }

    @Test
    void idsAreUnsigned() {
        Job job = new Job(-1, new byte[0]);
        assertThat(job.idString()).isEqualTo("18446744073709551615");
        assertThat(job.toString()).contains("18446744073709551615");
        BeanstalkConnection connection = connections.open();
        assertThat(connection.peek(Long.MIN_VALUE)).isEmpty();
        assertThat(connection.kickJob(-1)).isFalse();
        assertThat(connection.isOpen()).as("the server parsed the ids, no BAD_FORMAT").isTrue();
        long id = connection.put(bytes("x"));
        assertThat(connection.peek(id).orElseThrow().idString()).isEqualTo(Long.toString(id));
        connection.delete(id);
    }

    private static void awaitWaiting(BeanstalkConnection observer, long waiting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (observer.stats().currentWaiting() < waiting) {
            assertThat(System.nanoTime()).as("waiting reservers").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
