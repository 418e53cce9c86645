package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

@Beanstalkd
class GracefulShutdownIntegrationTests {

    @ParameterizedTest(name = "prefetch {0}")
    @ValueSource(ints = {1, 5})
    void handlersInFlightFinishAndNothingIsLost(int prefetch, BeanstalkdServer server) {
        Work work = new Work(Duration.ofMillis(400));
        List<Long> ids = new ArrayList<>();
        ConfigurableApplicationContext app = start(server, work, "beanstalk.listener.concurrency=4",
                "beanstalk.listener.shutdown-timeout=5s", "beanstalk.listener.prefetch=" + prefetch);
        BeanstalkTemplate template = app.getBean(BeanstalkTemplate.class);
        template.statsTube("work").ifPresent(tube -> assertThat(tube.currentJobsReady()).isZero());
        for (int i = 0; i < 20; i++) {
            ids.add(template.put("work", i));
        }
        Await.until(Duration.ofSeconds(5), "four handlers run", () -> work.started.size() >= 4);

        app.close();

        assertThat(work.interrupted).isFalse();
        assertThat(work.finished).isEqualTo(work.started).hasSizeBetween(4, 19);
        try (BeanstalkClient client = BeanstalkClient.create(server.host(), server.port())) {
            TubeStats tube = client.statsTube("work").orElseThrow();
            assertThat(tube.currentJobsReserved()).isZero();
            assertThat(tube.currentJobsReady()).isEqualTo(20 - work.finished.size());
            for (int i = 0; i < 20; i++) {
                boolean handled = work.finished.contains(i);
                assertThat(client.peek(ids.get(i)).isPresent()).as("job %d", i).isNotEqualTo(handled);
            }
            ids.forEach(client::delete);
        }
    }

    @Test
    void handlersOverTheShutdownTimeoutAreInterruptedAndTheirJobsReleased(BeanstalkdServer server) {
        Work work = new Work(Duration.ofSeconds(30));
        ConfigurableApplicationContext app = start(server, work, "beanstalk.listener.shutdown-timeout=500ms");
        long id = app.getBean(BeanstalkTemplate.class).put("work", 1);
        Await.until(Duration.ofSeconds(5), "the handler runs", () -> work.started.size() == 1);

        long start = System.nanoTime();
        app.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        Await.until(Duration.ofSeconds(2), "the handler is interrupted", work.interrupted::get);
        assertThat(work.finished).isEmpty();
        try (BeanstalkClient client = BeanstalkClient.create(server.host(), server.port())) {
            JobStats stats = client.statsJob(id).orElseThrow();
            assertThat(stats.state()).isEqualTo(JobState.READY);
            assertThat(stats.releases()).isEqualTo(1);
            assertThat(client.delete(id)).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(BeanstalkdServer server, Work work, String... properties) {
        Config.work = work;
        return new SpringApplicationBuilder(Config.class)
                .properties("beanstalk.host=" + server.host(), "beanstalk.port=" + server.port(),
                        "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }

    static final class Work {

        final Duration duration;
        final Set<Integer> started = ConcurrentHashMap.newKeySet();
        final Set<Integer> finished = ConcurrentHashMap.newKeySet();
        final AtomicBoolean interrupted = new AtomicBoolean();

        Work(Duration duration) {
            this.duration = duration;
        }

        @BeanstalkListener(tube = "work")
        void handle(int number) throws InterruptedException {
            started.add(number);
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            finished.add(number);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        static Work work;

        @Bean
        Work work() {
            return work;
        }
    }
}
