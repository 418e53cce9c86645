package dev.beanstalk.client;

import static dev.beanstalk.client.FaultInjectionIntegrationTests.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import dev.beanstalk.test.FaultProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 16 threads put through one client while a proxy resets every connection every 500 ms for 10 s: every acknowledged
 * put is in the server exactly once, in its tube, with its body, and a thread sees at most one failure per reset.
 */
@Beanstalkd
class SoakIntegrationTests {

    private static final int THREADS = 16;
    private static final int TUBES = 4;
    private static final int WINDOW = 2_000;

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyAcknowledgedPutSurvivesResetsExactlyOnce(BeanstalkdServer server) throws Exception {
        String prefix = "soak-" + System.nanoTime() + "-";
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        Map<Long, String> tubes = new ConcurrentHashMap<>();
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger[] failures = new AtomicInteger[THREADS];
        AtomicInteger resets = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.to(server); BeanstalkClient client = BeanstalkClient.create(
                options(proxy.host(), proxy.port()).reconnectDelay(Duration.ofMillis(5)).build())) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                failures[t] = new AtomicInteger();
                Thread putter = new Thread(() -> {
                    for (int i = 0; running.get(); i++) {
                        String tube = prefix + (i % TUBES);
                        String body = "t" + thread + "-" + i;
                        try {
                            long id = client.put(tube, body.getBytes(StandardCharsets.US_ASCII));
                            if (acknowledged.putIfAbsent(id, body) != null) {
                                unexpected.add(new AssertionError("id " + id + " acknowledged twice"));
                            }
                            tubes.put(id, tube);
                        } catch (BeanstalkConnectionException e) {
                            failures[thread].incrementAndGet();
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                }, "soak-" + t);
                putter.start();
                threads.add(putter);
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                Thread.sleep(500);
                proxy.resetAll();
                resets.incrementAndGet();
            }
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
                assertThat(thread.isAlive()).isFalse();
            }
        }
        assertThat(unexpected).isEmpty();
        for (AtomicInteger failed : failures) {
            assertThat(failed.get()).as("failures of one thread over %d resets", resets.get())
                    .isLessThanOrEqualTo(resets.get());
        }
        assertThat(acknowledged).hasSizeGreaterThan(1_000);
        Map<String, Integer> copies = new HashMap<>();
        long first = Collections.min(acknowledged.keySet());
        long last = Collections.max(acknowledged.keySet());
        try (BeanstalkConnection checker = BeanstalkConnection.open(server.host(), server.port())) {
            for (long from = Math.max(1, first - 1_000); from <= last + 1_000; from += WINDOW) {
                List<CompletableFuture<Optional<Job>>> peeks = new ArrayList<>();
                for (long id = from; id < from + WINDOW; id++) {
                    peeks.add(checker.async().peek(id));
                }
                for (CompletableFuture<Optional<Job>> peek : peeks) {
                    peek.get(10, TimeUnit.SECONDS).ifPresent(job -> copies.merge(job.bodyAsString(), 1, Integer::sum));
                }
            }
            List<Long> ids = new ArrayList<>(acknowledged.keySet());
            for (int from = 0; from < ids.size(); from += WINDOW) {
                List<Long> window = ids.subList(from, Math.min(ids.size(), from + WINDOW));
                List<CompletableFuture<Optional<JobStats>>> stats = new ArrayList<>();
                List<CompletableFuture<Optional<Job>>> jobs = new ArrayList<>();
                for (long id : window) {
                    stats.add(checker.async().statsJob(id));
                    jobs.add(checker.async().peek(id));
                }
                for (int i = 0; i < window.size(); i++) {
                    long id = window.get(i);
                    assertThat(stats.get(i).get(10, TimeUnit.SECONDS)).as("acknowledged job %d", id)
                            .map(JobStats::tube).contains(tubes.get(id));
                    assertThat(jobs.get(i).get(10, TimeUnit.SECONDS)).map(Job::bodyAsString)
                            .contains(acknowledged.get(id));
                }
            }
        }
        for (Map.Entry<Long, String> put : acknowledged.entrySet()) {
            assertThat(copies.get(put.getValue())).as("copies of acknowledged job %d", put.getKey()).isEqualTo(1);
        }
    }
}
