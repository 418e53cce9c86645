package dev.beanstalk.benchmarks;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import java.util.Collections;
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
 * jobs put beforehand. Reads, optionally, {@code BENCH_LISTENER_CONCURRENCY} (workers, default 1) and
 * {@code BENCH_LISTENER_PREFETCH} (jobs each worker reserves at once, default 500). On a small machine one prefetching worker beats
 * many: the server and the handler then share the cores without threads waiting on each other.
 */
final class ListenerBenchmark {

    private static final String TUBE = "bench-listener";

    private final BenchmarkSettings settings;

    ListenerBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    Scenario scenario() {
        return new Scenario("listener", this::run);
    }

    private double run() throws InterruptedException {
        int concurrency = Integer.parseInt(env("BENCH_LISTENER_CONCURRENCY", "1"));
        int prefetch = Integer.parseInt(env("BENCH_LISTENER_PREFETCH", "500"));
        int jobs = settings.jobs();
        try (BeanstalkClient client = BeanstalkClient.create(settings.host(), settings.port())) {
            client.putAll(TUBE, Collections.nCopies(jobs, BenchmarkSettings.BODY), JobOptions.DEFAULT);
        }
        Handler.remaining = new CountDownLatch(jobs);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Config.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=warn",
                        "beanstalk.host=" + settings.host(), "beanstalk.port=" + settings.port(),
                        "beanstalk.listener.auto-startup=false",
                        "beanstalk.listener.concurrency=" + concurrency,
                        "beanstalk.listener.prefetch=" + prefetch)
                .run()) {
            BeanstalkListenerContainer container = app.getBean(BeanstalkListenerEndpointRegistry.class)
                    .getListenerContainer("bench");
            long start = System.nanoTime();
            container.start();
            if (!Handler.remaining.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(Handler.remaining.getCount() + " jobs were not handled");
            }
            return jobs / ((System.nanoTime() - start) / 1e9);
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
