package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static dev.beanstalk.client.Connections.tube;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Many commands in flight on one connection through {@link BeanstalkConnection#async()}: replies come back in order. */
@Beanstalkd
@Timeout(30)
class PipeliningIntegrationTests {

    @Test
    void commandsSentInOneWriteCompleteWithNobodyReadingOnTheCallersThread(BeanstalkdServer server, TestInfo test)
            throws Exception {
        String tube = tube(test);
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection connection = connections.worker(tube);
            for (int i = 0; i < 3; i++) {
                connection.put(bytes("job-" + i));
            }
            List<CompletableFuture<Reservation>> reserves = new ArrayList<>();
            connection.async().inOneWrite(() -> {
                for (int i = 0; i < 5; i++) {
                    reserves.add(connection.async().reserve(Duration.ZERO));
                }
            });
            List<Reservation> outcomes = new ArrayList<>();
            for (CompletableFuture<Reservation> reserve : reserves) {
                outcomes.add(reserve.get(10, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(r -> r instanceof Reservation.Reserved).hasSize(3);
            assertThat(outcomes.subList(3, 5)).containsOnly(Reservation.TIMED_OUT);
        }
    }

    @Test
    void asyncCallsFromManyThreadsCompleteWithoutAnyoneWaitingSynchronously(BeanstalkdServer server, TestInfo test)
            throws Exception {
        String tube = tube(test);
        try (BeanstalkClient client = BeanstalkClient.builder()
                .options(ConnectionOptions.of(server.host(), server.port())).poolSize(1).build()) {
            List<Thread> threads = new ArrayList<>();
            List<CompletableFuture<Long>> puts = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        puts.add(client.putAsync(tube, bytes("x"), JobOptions.DEFAULT));
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            for (CompletableFuture<Long> put : puts) {
                put.get(10, TimeUnit.SECONDS);
            }
            assertThat(client.statsTube(tube).orElseThrow().currentJobsReady()).isEqualTo(16_000);
        }
    }

    @Test
    void thousandsOfPipelinedPutsCompleteInOrder(BeanstalkdServer server, TestInfo test) throws Exception {
        String tube = tube(test);
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection connection = connections.worker(tube);
            List<CompletableFuture<Long>> puts = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                puts.add(connection.async().put(bytes("job-" + i), JobOptions.DEFAULT));
            }
            List<Long> ids = new ArrayList<>();
            for (CompletableFuture<Long> put : puts) {
                ids.add(put.get(10, TimeUnit.SECONDS));
            }
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            assertThat(ids.get(ids.size() - 1) - ids.get(0)).isEqualTo(4_999);
            assertThat(connection.statsTube(tube).orElseThrow().currentJobsReady()).isEqualTo(5_000);
            List<CompletableFuture<Optional<Job>>> peeks = new ArrayList<>();
            for (long id : ids) {
                peeks.add(connection.async().peek(id));
            }
            for (int i = 0; i < ids.size(); i++) {
                assertThat(peeks.get(i).get(10, TimeUnit.SECONDS)).contains(new Job(ids.get(i), bytes("job-" + i)));
            }
        }
    }

    @Test
    void mixedPipelinedCommandsAnswerInOrder(BeanstalkdServer server, TestInfo test) throws Exception {
        String tube = tube(test);
        try (Connections connections = new Connections(server)) {
            BeanstalkConnection connection = connections.open();
            AsyncBeanstalkConnection async = connection.async();
            CompletableFuture<String> useA = async.use(tube + "-a");
            CompletableFuture<String> useB = async.use(tube);
            CompletableFuture<String> used = async.listTubeUsed();
            CompletableFuture<Long> put = async.put(bytes("x"), JobOptions.DEFAULT);
            CompletableFuture<Integer> watch = async.watch(tube);
            CompletableFuture<Integer> ignore = async.ignore("default");
            CompletableFuture<List<String>> watched = async.listTubesWatched();
            CompletableFuture<Reservation> reserve = async.reserve(Duration.ZERO);
            CompletableFuture<Optional<JobStats>> stats = put.thenCompose(async::statsJob);
            CompletableFuture<Reservation> empty = async.reserve(Duration.ZERO);
            CompletableFuture<Optional<Job>> peekReady = async.peekReady();
            CompletableFuture<Optional<Job>> peekDelayed = async.peekDelayed();
            CompletableFuture<Optional<Job>> peekBuried = async.peekBuried();
            CompletableFuture<Long> kick = async.kick(5);
            CompletableFuture<List<String>> tubes = async.listTubes();
            CompletableFuture<ServerStats> serverStats = async.stats();
            CompletableFuture<Optional<TubeStats>> tubeStats = async.statsTube(tube);
            CompletableFuture<Boolean> pause = async.pauseTube(tube, Duration.ZERO);

            assertThat(useA.get(5, TimeUnit.SECONDS)).isEqualTo(tube + "-a");
            assertThat(useB.get(5, TimeUnit.SECONDS)).isEqualTo(tube);
            assertThat(used.get(5, TimeUnit.SECONDS)).isEqualTo(tube);
            long id = put.get(5, TimeUnit.SECONDS);
            assertThat(watch.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(ignore.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(watched.get(5, TimeUnit.SECONDS)).containsExactly(tube);
            assertThat(connection.watchedTubes()).containsExactly(tube);
            assertThat(reserve.get(5, TimeUnit.SECONDS)).isEqualTo(new Reservation.Reserved(new Job(id, bytes("x"))));
            assertThat(stats.get(5, TimeUnit.SECONDS).orElseThrow().state()).isEqualTo(JobState.RESERVED);
            assertThat(empty.get(5, TimeUnit.SECONDS)).isEqualTo(Reservation.TIMED_OUT);
            assertThat(peekReady.get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat(peekDelayed.get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat(peekBuried.get(5, TimeUnit.SECONDS)).isEmpty();
            assertThat(kick.get(5, TimeUnit.SECONDS)).isZero();
            assertThat(tubes.get(5, TimeUnit.SECONDS)).contains(tube);
            assertThat(serverStats.get(5, TimeUnit.SECONDS).currentJobsReserved()).isGreaterThanOrEqualTo(1);
            assertThat(tubeStats.get(5, TimeUnit.SECONDS).orElseThrow().currentJobsReserved()).isEqualTo(1);
            assertThat(pause.get(5, TimeUnit.SECONDS)).isTrue();

            assertThat(async.touch(id).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(async.release(id, 1, Duration.ZERO).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(async.reserveJob(id).get(5, TimeUnit.SECONDS)).contains(new Job(id, bytes("x")));
            assertThat(async.bury(id, 1).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(async.kickJob(id).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(async.peek(id).get(5, TimeUnit.SECONDS)).contains(new Job(id, bytes("x")));
            assertThat(async.delete(id).get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(async.delete(id).get(5, TimeUnit.SECONDS)).isFalse();
        }
    }
}
