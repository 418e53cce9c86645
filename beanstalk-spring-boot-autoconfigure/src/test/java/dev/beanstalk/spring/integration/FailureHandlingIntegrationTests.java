package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.listener.JobHandle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(properties = {"beanstalk.listener.retry.max-attempts=3", "beanstalk.listener.retry.initial-delay=1s",
        "beanstalk.listener.retry.multiplier=2"})
@DirtiesContext
class FailureHandlingIntegrationTests extends RealBeanstalkdTests {

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    Listeners listeners;

    @Autowired
    MeterRegistry meters;

    @Test
    void failingHandlerIsReleasedWithGrowingDelaysThenBuried() {
        long id = template.put("failing", new Order(1));

        Await.until(Duration.ofSeconds(10), "the job is buried",
                () -> template.statsJob(id).map(JobStats::state).orElse(null) == JobState.BURIED);
        JobStats stats = template.statsJob(id).orElseThrow();
        assertThat(stats.reserves()).isEqualTo(3);
        assertThat(stats.releases()).isEqualTo(2);
        assertThat(stats.buries()).isEqualTo(1);
        assertThat(stats.delay()).isEqualTo(Duration.ofSeconds(2));
        List<Long> attempts = listeners.failures;
        assertThat(attempts).hasSize(3);
        long firstDelay = attempts.get(1) - attempts.get(0);
        long secondDelay = attempts.get(2) - attempts.get(1);
        assertThat(firstDelay).isBetween(900L, 1900L);
        assertThat(secondDelay).isBetween(1900L, 2900L);
        assertThat(meters.get("beanstalk.listener.jobs").tags("tube", "failing", "outcome", "released").timer()
                .count()).isEqualTo(2);
        assertThat(meters.get("beanstalk.listener.jobs").tags("tube", "failing", "outcome", "buried").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void perListenerMaxAttemptsOfOneBuriesOnTheFirstFailure() {
        long id = template.put("fails-once", "x");

        Await.until(Duration.ofSeconds(5), "the job is buried",
                () -> template.statsJob(id).map(JobStats::state).orElse(null) == JobState.BURIED);
        assertThat(template.statsJob(id).orElseThrow().releases()).isZero();
        assertThat(listeners.failOnce.get()).isEqualTo(1);
    }

    @Test
    void unconvertiblePayloadIsBuriedAtOnceWithoutRunningTheHandler() {
        long id = template.put("strict", "{\"number\": \"not a number\"}");

        Await.until(Duration.ofSeconds(5), "the job is buried",
                () -> template.statsJob(id).map(JobStats::state).orElse(null) == JobState.BURIED);
        JobStats stats = template.statsJob(id).orElseThrow();
        assertThat(stats.reserves()).isEqualTo(1);
        assertThat(stats.releases()).isZero();
        assertThat(stats.buries()).isEqualTo(1);
        assertThat(listeners.strict.get()).isZero();
    }

    @Test
    void errorsDoNotStopTheWorker() {
        long first = template.put("errors", "first");
        Await.until(Duration.ofSeconds(5), "the first is buried",
                () -> template.statsJob(first).map(JobStats::state).orElse(null) == JobState.BURIED);
        long second = template.put("errors", "second");

        Await.until(Duration.ofSeconds(5), "the second is buried",
                () -> template.statsJob(second).map(JobStats::state).orElse(null) == JobState.BURIED);
        assertThat(listeners.errors.get()).isEqualTo(2);
    }

    @Test
    void settlingTwiceByHandFails() {
        long id = template.put("twice", "x");

        Await.until(Duration.ofSeconds(5), "the handler ran", () -> listeners.secondSettle.size() == 1);
        assertThat(listeners.secondSettle.get(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already settled");
        assertThat(template.statsJob(id).orElseThrow().state()).isEqualTo(JobState.BURIED);
    }

    record Order(int number) {
    }

    static final class Listeners {

        final List<Long> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger strict = new AtomicInteger();
        final AtomicInteger failOnce = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final List<Exception> secondSettle = new CopyOnWriteArrayList<>();

        @BeanstalkListener(tube = "failing")
        void failing(Order order) {
            failures.add(System.currentTimeMillis());
            throw new IllegalStateException("order " + order.number() + " cannot be handled");
        }

        @BeanstalkListener(tube = "strict")
        void strict(Order order) {
            strict.incrementAndGet();
        }

        @BeanstalkListener(tube = "fails-once", maxAttempts = "1")
        void failsOnce(String text) {
            failOnce.incrementAndGet();
            throw new IllegalStateException(text);
        }

        @BeanstalkListener(tube = "errors", maxAttempts = "1")
        void errors(String text) {
            errors.incrementAndGet();
            throw new AssertionError("an Error, not an Exception: " + text);
        }

        @BeanstalkListener(tube = "twice")
        void twice(JobHandle handle) {
            handle.bury();
            try {
                handle.delete();
            } catch (IllegalStateException e) {
                secondSettle.add(e);
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        @Bean
        Listeners listeners() {
            return new Listeners();
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
