package dev.beanstalk.benchmarks;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The listener scenarios, with an empty {@code @BeanstalkListener} handler in a Spring Boot application:
 * <ul>
 * <li>{@code listener}: jobs per second with the jobs put beforehand, in its best setting; reads, optionally,
 * {@code BENCH_LISTENER_CONCURRENCY} (workers, default 1) and {@code BENCH_LISTENER_PREFETCH} (jobs each worker
 * reserves at once, default 500). On a small machine one prefetching worker beats many: the server and the handler
 * then share the cores without threads waiting on each other.
 * <li>{@code listener-default}: the same with what a user gets out of the box, one worker and prefetch 1.
 * <li>{@code listener-concurrent}: the same with 4 workers and the default prefetch.
 * <li>{@code listener-latency-p50-us} and {@code -p99-us}: with the default settings, one thread puts a job every
 * 0.5 ms; the time from just before the put to the start of the handler, in microseconds.
 * </ul>
 */
final class ListenerBenchmark {

    private static final String TUBE = "bench-listener";
    private static final long LATENCY_INTERVAL_NANOS = 500_000;
    private static final int LATENCY_JOBS = 4_000;

    private final BenchmarkSettings settings;
    private long[] latencies;

    ListenerBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    List<Scenario> scenarios() {
        return List.of(new Scenario("listener", () -> throughput(null, env("BENCH_LISTENER_CONCURRENCY", "1"),
                        env("BENCH_LISTENER_PREFETCH", "500"))),
                new Scenario("listener-default", () -> throughput(null, "1", "1")),
                new Scenario("listener-concurrent", () -> throughput(null, "4", null)),
                new Scenario("listener-latency-p50-us", () -> latencyMicros(0.50)),
                new Scenario("listener-latency-p99-us", () -> latencyMicros(0.99)));
    }

    /**
     * Jobs per second handled, the jobs put beforehand, on the benchmark's server or on the fleet {@code servers}
     * (beanstalk.servers, spread evenly); a null setting keeps the default.
     */
    double throughput(String servers, String concurrency, String prefetch) throws InterruptedException {
        int jobs = settings.jobs();
        ConnectionOptions options = servers == null ? ConnectionOptions.of(settings.host(), settings.port())
                : ConnectionOptions.builder().servers(List.of(servers.split(",")).stream()
                        .map(ServerAddress::parse).toList()).build();
        try (BeanstalkClient client = BeanstalkClient.create(options)) {
            int count = client.servers().size();
            FleetBenchmarks.putShares(client, TUBE, jobs / count, count);
            jobs = jobs / count * count;
        }
        Handler.remaining = new CountDownLatch(jobs);
        Handler.latencies = null;
        try (ConfigurableApplicationContext app = start(servers, concurrency, prefetch)) {
            long start = System.nanoTime();
            container(app).start();
            await(Handler.remaining);
            return jobs / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The quantile of put-to-handler latencies in microseconds, measured once for both quantiles. */
    private double latencyMicros(double quantile) throws InterruptedException {
        if (latencies == null) {
            latencies = measureLatencies();
        }
        int index = (int) Math.min(latencies.length - 1, Math.round(quantile * (latencies.length - 1)));
        return latencies[index] / 1_000.0;
    }

    private long[] measureLatencies() throws InterruptedException {
        int jobs = Math.min(LATENCY_JOBS, Math.max(100, settings.jobs() / 5));
        Handler.remaining = new CountDownLatch(jobs);
        Handler.latencies = Collections.synchronizedList(new ArrayList<>());
        try (ConfigurableApplicationContext app = start(null, null, null);
                BeanstalkClient client = BeanstalkClient.create(settings.host(), settings.port())) {
            container(app).start();
            long next = System.nanoTime();
            for (int i = 0; i < jobs; i++) {
                while (System.nanoTime() - next < 0) {
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                next += LATENCY_INTERVAL_NANOS;
                long put = System.nanoTime();
                client.put(TUBE, Long.toString(put).getBytes(StandardCharsets.US_ASCII));
            }
            await(Handler.remaining);
        }
        List<Long> measured = Handler.latencies;
        // the first tenth warms up the JIT and the connections
        long[] sorted = measured.subList(measured.size() / 10, measured.size()).stream().mapToLong(Long::longValue)
                .toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private ConfigurableApplicationContext start(String servers, String concurrency, String prefetch) {
        List<String> properties = new ArrayList<>(List.of("spring.main.banner-mode=off", "logging.level.root=warn",
                "beanstalk.host=" + settings.host(), "beanstalk.port=" + settings.port(),
                "beanstalk.listener.auto-startup=false"));
        if (servers != null) {
            properties.add("beanstalk.servers=" + servers);
        }
        if (concurrency != null) {
            properties.add("beanstalk.listener.concurrency=" + concurrency);
        }
        if (prefetch != null) {
            properties.add("beanstalk.listener.prefetch=" + prefetch);
        }
        return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
    }

    private static BeanstalkListenerContainer container(ConfigurableApplicationContext app) {
        return app.getBean(BeanstalkListenerEndpointRegistry.class).getListenerContainer("bench");
    }

    private static void await(CountDownLatch remaining) throws InterruptedException {
        if (!remaining.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(remaining.getCount() + " jobs were not handled");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The empty handler; counts down, and in the latency run records how long ago each job was put. */
    static final class Handler {

        static volatile CountDownLatch remaining;
        static volatile List<Long> latencies;

        @BeanstalkListener(id = "bench", tube = TUBE)
        void handle(byte[] body) {
            long now = System.nanoTime();
            List<Long> recorded = latencies;
            if (recorded != null) {
                recorded.add(now - Long.parseLong(new String(body, StandardCharsets.US_ASCII)));
            }
            remaining.countDown();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        @Bean
        Handler handler() {
            return new Handler();
        }
    }
}
