package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import dev.beanstalk.test.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The client behind a fault-injecting proxy in front of a real beanstalkd: every fault ends within its timeout, fails
 * only the calls it concerns, and leaves every other call and connection as it was.
 */
@Beanstalkd
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultInjectionIntegrationTests {

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anErrorReplyEndsItsReplysDeadline(BeanstalkdServer server, TestInfo test) throws InterruptedException {
        Duration readTimeout = Duration.ofMillis(300);
        try (BeanstalkConnection connection = BeanstalkConnection.open(options(server.host(), server.port())
                .readTimeout(readTimeout).maxJobSize(100_000).build())) {
            assertThatThrownBy(() -> connection.ignore("default")).isInstanceOf(NotIgnoredException.class);
            assertThatThrownBy(() -> connection.put(new byte[70_000])).isInstanceOf(JobTooBigException.class);
            Thread.sleep(readTimeout.toMillis() * 4); // idle for longer than the read timeout: nothing may expire
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.listTubeUsed()).isEqualTo("default");
        }
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aServerThatStopsReadingFailsAWriteWithinTheTimeout(BeanstalkdServer server, TestInfo test) {
        try (FaultProxy proxy = FaultProxy.to(server); BeanstalkClient client = BeanstalkClient.create(
                options(proxy.host(), proxy.port()).readTimeout(Duration.ofSeconds(1)).build())) {
            client.put(Connections.tube(test), bytes("warm"));
            proxy.stopReading();
            List<byte[]> bodies = Collections.nCopies(300, new byte[60 * 1024]);
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.putAll(Connections.tube(test), bodies, JobOptions.DEFAULT))
                    .isInstanceOf(BatchPutException.class)
                    .satisfies(e -> assertThat(((BatchPutException) e).failures().values())
                            .allSatisfy(f -> assertThat(f).isInstanceOf(BeanstalkConnectionException.class)));
            assertThat(elapsedMillis(start)).isLessThan(5_000);
        }
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCallQueuedBehindAHeldWriteEndsWithinItsTimeout(BeanstalkdServer server) throws Exception {
        try (BeanstalkConnection connection = BeanstalkConnection.open(options(server.host(), server.port())
                .readTimeout(Duration.ofMillis(500)).build())) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            connection.async().inOneWrite(() -> {
                Thread caller = new Thread(() -> {
                    try {
                        connection.stats();
                    } catch (RuntimeException e) {
                        outcome.set(e);
                    }
                    done.countDown();
                });
                caller.start();
                try {
                    assertThat(done.await(5, TimeUnit.SECONDS)).as("the queued call ended while the write was held")
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(outcome.get()).isInstanceOf(BeanstalkTimeoutException.class).hasMessageContaining("not sent");
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.listTubeUsed()).isEqualTo("default");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyCallerEndsWhileConnectionsAreKilledEvery20Ms(BeanstalkdServer server, TestInfo test) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server); BeanstalkClient client = BeanstalkClient.builder()
                .options(options(proxy.host(), proxy.port()).reconnectDelay(Duration.ofMillis(1))
                        .maxReconnectDelay(Duration.ofMillis(5)).build())
                .poolSize(2).build()) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                Thread caller = new Thread(() -> {
                    while (running.get()) {
                        try {
                            client.put(Connections.tube(test), bytes("x"));
                        } catch (BeanstalkConnectionException expected) {
                            // the proxy killed the connection
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }
                });
                caller.start();
                callers.add(caller);
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < end) {
                Thread.sleep(20);
                proxy.resetAll();
            }
            running.set(false);
            for (Thread caller : callers) {
                caller.join(15_000);
                assertThat(caller.isAlive()).as("a caller is stuck: " + List.of(caller.getStackTrace())).isFalse();
            }
            assertThat(unexpected).isEmpty();
        }
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSlowCallbackOfAFailedFutureDelaysNoOtherTimeout(BeanstalkdServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server);
                BeanstalkConnection first = BeanstalkConnection.open(options(proxy.host(), proxy.port())
                        .readTimeout(Duration.ofMillis(200)).build());
                BeanstalkConnection second = BeanstalkConnection.open(options(proxy.host(), proxy.port())
                        .readTimeout(Duration.ofMillis(200)).build())) {
            proxy.delayPerChunk(Duration.ofSeconds(30));
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<String> callbackThread = new AtomicReference<>();
            CountDownLatch called = new CountDownLatch(1);
            first.async().stats().whenComplete((stats, error) -> {
                callbackThread.set(Thread.currentThread().getName());
                called.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
                long start = System.nanoTime();
                assertThatThrownBy(second::stats).isInstanceOf(BeanstalkTimeoutException.class);
                assertThat(elapsedMillis(start)).isLessThan(2_000);
                assertThat(callbackThread.get()).startsWith("beanstalk-reader-");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anInterruptEndsOnlyThatCallersWait(BeanstalkdServer server, TestInfo test) throws Exception {
        try (BeanstalkClient client = BeanstalkClient.builder().options(options(server.host(), server.port()).build())
                .poolSize(2).build()) {
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, List<Throwable>> failures = new ConcurrentHashMap<>();
            AtomicInteger interruptedCalls = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String name = (t < 4 ? "victim-" : "bystander-") + t;
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            client.put(Connections.tube(test), bytes("x"));
                        } catch (BeanstalkInterruptedException e) {
                            assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
                            interruptedCalls.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.computeIfAbsent(name, key -> new ArrayList<>()).add(e);
                        }
                        Thread.interrupted();
                    }
                }, name);
                thread.start();
                threads.add(thread);
            }
            for (int i = 0; i < 25; i++) {
                Thread.sleep(20);
                threads.get(i % 4).interrupt();
            }
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
                assertThat(thread.isAlive()).isFalse();
            }
            assertThat(failures).isEmpty();
            assertThat(interruptedCalls.get()).isPositive();
            assertThat(client.put(Connections.tube(test), bytes("after"))).isPositive();
        }
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPutAllThatFailsPartWayTellsWhichBodiesWereInserted(BeanstalkdServer server, TestInfo test) {
        String tube = Connections.tube(test);
        try (BeanstalkClient client = BeanstalkClient.create(options(server.host(), server.port())
                .maxJobSize(100_000).build())) {
            List<byte[]> bodies = List.of(bytes("a"), bytes("b"), new byte[70_000], bytes("d"));
            BatchPutException failure = (BatchPutException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> client.putAll(tube, bodies, JobOptions.DEFAULT));
            assertThat(failure).isNotNull();
            assertThat(failure.insertedIds()).containsOnlyKeys(0, 1, 3);
            assertThat(failure.failures()).containsOnlyKeys(2);
            assertThat(failure.failures().get(2)).isInstanceOf(JobTooBigException.class);
            assertThat(client.peek(failure.insertedIds().get(3))).map(Job::bodyAsString).contains("d");
            assertThat(client.statsTube(tube).orElseThrow().currentJobsReady()).isEqualTo(3);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void commandsInFlightAreBoundedAndCallersWaitForRoomWithinTheirTimeout(BeanstalkdServer server, TestInfo test)
            throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server); BeanstalkClient client = BeanstalkClient.builder()
                .options(options(proxy.host(), proxy.port()).readTimeout(Duration.ofSeconds(1)).maxInFlight(100)
                        .build()).poolSize(1).build()) {
            client.put(Connections.tube(test), bytes("warm"));
            proxy.delayPerChunk(Duration.ofMillis(50));
            List<CompletableFuture<Long>> futures = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            long slowest = 0;
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                futures.add(client.putAsync(Connections.tube(test), bytes("x"), JobOptions.DEFAULT));
                slowest = Math.max(slowest, elapsedMillis(start));
                long outstanding = futures.stream().filter(f -> !f.isDone()).count();
                assertThat(outstanding).isLessThanOrEqualTo(100);
            }
            assertThat(slowest).isLessThan(2_500);
            proxy.passThrough();
            CompletableFuture.allOf(futures.toArray(CompletableFuture<?>[]::new)).exceptionally(e -> null)
                    .get(20, TimeUnit.SECONDS);
        }
    }

    static ConnectionOptions.Builder options(String host, int port) {
        return ConnectionOptions.builder().server(host, port);
    }

    static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
