package dev.beanstalk.client;

import static dev.beanstalk.client.Connections.bytes;
import static dev.beanstalk.client.FaultInjectionIntegrationTests.elapsedMillis;
import static dev.beanstalk.client.FaultInjectionIntegrationTests.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import dev.beanstalk.test.FaultProxy;
import dev.beanstalk.test.UnreachablePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Connecting is bounded by time, not attempts, never blocks other callers, and stops for good at {@code close()}.
 */
@Beanstalkd
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectingIntegrationTests {

    @Test
    void aCallToAnUnreachableServerPaysOneConnectTimeoutAndLaterCallsFailFast() throws Exception {
        try (UnreachablePort unreachable = UnreachablePort.open();
                BeanstalkClient client = BeanstalkClient.create(options(unreachable.host(), unreachable.port())
                        .connectTimeout(Duration.ofMillis(500)).reconnectDelay(Duration.ofSeconds(20))
                        .maxReconnectDelay(Duration.ofSeconds(20)).build())) {
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                long start = System.nanoTime();
                List<Future<Throwable>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(callers.submit(() -> failure(() -> client.put("t", bytes("x")))));
                }
                for (Future<Throwable> call : calls) {
                    assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(BeanstalkConnectionException.class);
                }
                assertThat(elapsedMillis(start)).as("four concurrent calls, 500 ms connect timeout").isLessThan(2_000);
            } finally {
                callers.shutdownNow();
            }
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> client.put("t", bytes("x"))).isInstanceOf(BeanstalkConnectionException.class)
                        .hasMessageContaining("not reconnecting");
                assertThat(elapsedMillis(start)).isLessThan(200);
            }
        }
    }

    @Test
    void aCallMadeWhileTheServerRestartsSucceedsOnALaterAttemptWithinItsConnectTimeout() throws Exception {
        try (BeanstalkdServer server = BeanstalkdServer.startDefault();
                BeanstalkClient client = BeanstalkClient.create(options(server.host(), server.port())
                        .connectTimeout(Duration.ofSeconds(5)).reconnectDelay(Duration.ofMillis(50)).build())) {
            server.stop();
            Thread restart = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                server.start();
            });
            restart.start();
            assertThat(client.put("t", bytes("x"))).isPositive();
            restart.join();
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void noSocketIsOpenOrOpenedAgainOnceCloseReturns(BeanstalkdServer server, TestInfo test) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server)) {
            for (int trial = 0; trial < 60; trial++) {
                BeanstalkClient client = BeanstalkClient.builder().options(options(proxy.host(), proxy.port()).build())
                        .poolSize(4).build();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> callers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Thread caller = new Thread(() -> {
                        while (running.get()) {
                            try {
                                client.put(Connections.tube(test), bytes("x"));
                            } catch (BeanstalkException expected) {
                                // closed under it
                            }
                        }
                    });
                    caller.start();
                    callers.add(caller);
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
                client.close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (proxy.openConnections() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(proxy.openConnections()).as("connections open after close() in trial " + trial).isZero();
                Thread.sleep(20);
                running.set(false);
                for (Thread caller : callers) {
                    caller.join(5_000);
                }
                // a connect the kernel completed before close() may be accepted by the proxy later, already closed
                Thread.sleep(50);
                assertThat(proxy.openConnections()).as("connections opened after close() in trial " + trial).isZero();
            }
        }
    }

    private static Throwable failure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
