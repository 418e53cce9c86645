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
import java.util.Set;
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

    @Test
    @Timeout(90)
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
        try (BeanstalkConnection checker = BeanstalkConnection.open(server.host(), server.port())) {
            Map<String, Integer> seen = new HashMap<>();
            Set<String> tubeNames = Set.copyOf(tubes.values());
            for (String tube : tubeNames) {
                checker.watch(tube);
            }
            checker.ignore("default");
            while (true) {
                Optional<Job> job = checker.reserve(Duration.ZERO).reservedJob();
                if (job.isEmpty()) {
                    break;
                }
                seen.merge(job.get().bodyAsString(), 1, Integer::sum);
                String expected = acknowledged.get(job.get().id());
                if (expected != null) {
                    assertThat(job.get().bodyAsString()).isEqualTo(expected);
                    assertThat(checker.statsJob(job.get().id()).orElseThrow().tube()).isEqualTo(tubes.get(job.get().id()));
                }
                checker.delete(job.get().id());
            }
            for (Map.Entry<Long, String> put : acknowledged.entrySet()) {
                assertThat(seen.get(put.getValue())).as("copies of acknowledged job %d", put.getKey()).isEqualTo(1);
            }
        }
    }
}
