package dev.beanstalk.benchmarks;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@code listener} scenario: jobs per second handled by a {@code @BeanstalkListener} with an empty handler, the
 * jobs put beforehand. Reads {@code BEANSTALK_HOST}, {@code BEANSTALK_PORT}, {@code BENCH_JOBS} and, optionally,
 * {@code BENCH_LISTENER_CONCURRENCY} (workers, default 1) and {@code BENCH_LISTENER_PREFETCH} (jobs each worker
 * reserves at once, default 500), and prints {@code listener <ops/s>}. On a small machine one prefetching worker beats
 * many: the server and the handler then share the cores without threads waiting on each other.
 */
public final class ListenerBenchmark {

    private static final String TUBE = "bench-listener";

    private ListenerBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = env("BEANSTALK_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("BEANSTALK_PORT", "11300"));
        int jobs = Integer.parseInt(env("BENCH_JOBS", "100000"));
        int concurrency = Integer.parseInt(env("BENCH_LISTENER_CONCURRENCY", "1"));
        int prefetch = Integer.parseInt(env("BENCH_LISTENER_PREFETCH", "500"));
        preload(host, port, jobs);
        Handler.remaining = new CountDownLatch(jobs);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Config.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=warn",
                        "beanstalk.host=" + host, "beanstalk.port=" + port,
                        "beanstalk.listener.auto-startup=false",
                        "beanstalk.listener.concurrency=" + concurrency,
                        "beanstalk.listener.prefetch=" + prefetch)
                .run(args)) {
            BeanstalkListenerContainer container = app.getBean(BeanstalkListenerEndpointRegistry.class)
                    .getListenerContainer("bench");
            long start = System.nanoTime();
            container.start();
            if (!Handler.remaining.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(Handler.remaining.getCount() + " jobs were not handled");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("listener %.0f%n", jobs / seconds);
        }
    }

    private static void preload(String host, int port, int jobs) {
        byte[] body = "{\"id\":1,\"name\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
        try (BeanstalkClient client = BeanstalkClient.create(host, port)) {
            for (int done = 0; done < jobs; done += 1000) {
                List<byte[]> batch = new ArrayList<>();
                for (int i = done; i < Math.min(jobs, done + 1000); i++) {
                    batch.add(body);
                }
                client.putAll(TUBE, batch, JobOptions.DEFAULT);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The empty handler; counts down so the benchmark knows when every job was handled. */
    static final class Handler {

        static volatile CountDownLatch remaining;

        @BeanstalkListener(id = "bench", tube = TUBE)
        void handle(byte[] body) {
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
