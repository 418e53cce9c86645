package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static dev.beanstalk.client.Connections.tube;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Many threads putting through one {@link BeanstalkClient}: every id distinct, every job there, every body its own. */
@Beanstalkd
@Timeout(60)
class ConcurrencyIntegrationTests {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 500;

    @Test
    void sixteenThreadsPutThroughOneClient(BeanstalkdServer server, TestInfo test) throws Exception {
        String tube = tube(test);
        try (Connections connections = new Connections(server)) {
            BeanstalkClient client = connections.client();
            Map<Long, String> bodies = new ConcurrentHashMap<>();
            runOnThreads(thread -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    String body = thread + "/" + i;
                    assertThat(bodies.put(client.put(tube, bytes(body)), body)).as("duplicate id").isNull();
                }
            });
            assertAllThere(connections, tube, bodies);
        }
    }

    @Test
    void asynchronousAndBatchedPutsFromSeveralThreads(BeanstalkdServer server, TestInfo test) throws Exception {
        String tube = tube(test);
        try (Connections connections = new Connections(server)) {
            BeanstalkClient client = connections.client();
            Map<Long, String> bodies = new ConcurrentHashMap<>();
            runOnThreads(thread -> {
                if (thread % 2 == 0) {
                    List<CompletableFuture<Long>> futures = new ArrayList<>();
                    List<String> sent = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        sent.add(thread + "/" + i);
                        futures.add(client.putAsync(tube, bytes(sent.get(i)), JobOptions.DEFAULT));
                    }
                    for (int i = 0; i < PER_THREAD; i++) {
                        assertThat(bodies.put(futures.get(i).get(10, TimeUnit.SECONDS), sent.get(i))).isNull();
                    }
                } else {
                    List<byte[]> batch = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        batch.add(bytes(thread + "/" + i));
                    }
                    List<Long> ids = client.putAll(tube, batch, JobOptions.DEFAULT);
                    assertThat(ids).hasSize(PER_THREAD).isSorted();
                    for (int i = 0; i < PER_THREAD; i++) {
                        assertThat(bodies.put(ids.get(i), thread + "/" + i)).isNull();
                    }
                }
            });
            assertAllThere(connections, tube, bodies);
        }
    }

    /** Every job is in the tube, and reserving them all gives exactly these ids with exactly these bodies. */
    private static void assertAllThere(Connections connections, String tube, Map<Long, String> bodies) {
        assertThat(bodies).hasSize(THREADS * PER_THREAD);
        BeanstalkConnection worker = connections.worker(tube);
        assertThat(worker.statsTube(tube).orElseThrow().currentJobsReady()).isEqualTo(THREADS * PER_THREAD);
        Map<Long, String> reserved = new HashMap<>();
        Reservation reservation;
        while ((reservation = worker.reserve(Duration.ZERO)) instanceof Reservation.Reserved r) {
            reserved.put(r.job().id(), r.job().bodyAsString());
        }
        assertThat(reservation).isEqualTo(Reservation.TIMED_OUT);
        assertThat(reserved).isEqualTo(bodies);
    }

    private static void runOnThreads(ThreadBody body) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(executor.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int thread) throws Exception;
    }
}
