package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.event.BeanstalkListenerEvent;
import dev.beanstalk.spring.event.FailedJobEvent;
import dev.beanstalk.spring.event.JobBuriedEvent;
import dev.beanstalk.spring.event.JobDeadLetteredEvent;
import dev.beanstalk.spring.listener.FailedJob;
import dev.beanstalk.spring.listener.FailureDecision;
import dev.beanstalk.spring.listener.JobErrorHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(properties = {"beanstalk.listener.retry.max-attempts=2", "beanstalk.listener.retry.initial-delay=0s",
        "beanstalk.listener.retry.no-retry-for=java.lang.UnsupportedOperationException",
        "test.dead-letter-tube=dead-letters"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeadLetterIntegrationTests extends RealBeanstalkdTests {

    /** Not valid UTF-8, with the bytes beanstalkd frames bodies with. */
    private static final byte[] BODY = {'{', 0, (byte) 0xff, '\r', '\n', (byte) 0xc3, '}'};

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    Listeners listeners;

    @Autowired
    Events events;

    @Autowired
    MeterRegistry meters;

    @Test
    void exhaustedJobMovesToTheDeadLetterTubeUnchangedThenIsDeleted() {
        long deadLettered = deadLettered();
        long id = template.put("exhausted", BODY, new JobOptions(77, Duration.ZERO, Duration.ofSeconds(13)));

        Job copy = awaitReady("dead-letters");

        assertThat(copy.body()).isEqualTo(BODY);
        JobStats stats = template.statsJob(copy.id()).orElseThrow();
        assertThat(stats.priority()).isEqualTo(77);
        assertThat(stats.ttr()).isEqualTo(Duration.ofSeconds(13));
        assertThat(stats.delay()).isZero();
        Await.until(Duration.ofSeconds(5), "the original is deleted", () -> template.statsJob(id).isEmpty());
        assertThat(listeners.exhausted.get(id)).isEqualTo(2);
        Await.until(Duration.ofSeconds(5), "the outcome is counted", () -> deadLettered() == deadLettered + 1);
        JobDeadLetteredEvent event = events.awaitOne(JobDeadLetteredEvent.class, id);
        assertThat(event.getContainerId()).isEqualTo("exhausted-listener");
        assertThat(event.getDeadLetterTube()).isEqualTo("dead-letters");
        assertThat(event.getDeadLetterJobId()).isEqualTo(copy.id());
        template.delete(copy.id());
    }

    @Test
    void aRetryLogsOneLineAndTheFinalOutcomeOneStackTrace(CapturedOutput output) {
        long id = template.put("exhausted", BODY);
        Job copy = awaitReady("dead-letters");
        template.delete(copy.id());
        String job = Long.toUnsignedString(id);

        Await.until(Duration.ofSeconds(5), "the outcome is logged", () -> output.getOut().contains(
                "moved to the dead-letter tube dead-letters"));
        List<String> lines = output.getOut().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("java.lang.IllegalStateException: exhausted")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.contains(" WARN ") && line.contains("job " + job + " (attempt 1 of 2)"))
                .singleElement().asString()
                .contains("Listener exhausted-listener-1 failed", "java.lang.IllegalStateException: exhausted; released");
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ") && line.contains("job " + job + " (attempt 2 of 2)"))
                .singleElement().asString().contains("moved to the dead-letter tube dead-letters");
    }

    @Test
    void aKickedJobPastItsAttemptsSaysSoAndIsBuriedAgain(CapturedOutput output) {
        long id = template.put("kicked", "x");
        awaitBuried(id);
        String job = Long.toUnsignedString(id);
        assertThat(output.getOut()).contains("job " + job + " (attempt 1 of 1); buried");

        assertThat(template.kickJob(id)).isTrue();

        Await.until(Duration.ofSeconds(5), "the kicked job is buried again",
                () -> template.statsJob(id).orElseThrow().buries() == 2);
        assertThat(output.getOut()).contains("job " + job + " (attempt 2, past the 1 allowed, as the job was kicked);"
                + " buried").doesNotContain("attempt 2 of 1");
    }

    @Test
    void handlerSeesTheJobInTheMdcAndRunsOnANamedThread() {
        long id = template.put("exhausted", BODY);
        Job copy = awaitReady("dead-letters");
        template.delete(copy.id());

        Map<String, String> mdc = listeners.mdc.get(Long.toUnsignedString(id));
        assertThat(mdc).containsEntry("beanstalk.jobId", Long.toUnsignedString(id))
                .containsEntry("beanstalk.tube", "exhausted")
                .containsEntry("beanstalk.listener", "exhausted-listener")
                .containsEntry("thread", "exhausted-listener-1");
    }

    @Test
    void unconvertibleBodyGoesToTheDeadLetterTubeAfterOneAttempt() {
        String body = "{\"number\": \"not a number\"}";
        long id = template.put("strict-dl", body);

        Job copy = awaitReady("strict-dead");

        assertThat(copy.bodyAsString()).isEqualTo(body);
        Await.until(Duration.ofSeconds(5), "the original is deleted", () -> template.statsJob(id).isEmpty());
        assertThat(listeners.strict).hasValue(0);
        template.delete(copy.id());
    }

    @Test
    void noRetryForACauseBuriesAfterOneAttempt() {
        long id = template.put("no-retry-cause", "x");

        awaitBuried(id);
        assertThat(template.statsJob(id).orElseThrow().reserves()).isEqualTo(1);
        assertThat(listeners.noRetryCause).hasValue(1);
        assertThat(events.awaitOne(JobBuriedEvent.class, id).getException()).hasRootCauseInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void noRetryForFromThePropertiesBuriesAfterOneAttempt() {
        long id = template.put("no-retry-property", "x");

        awaitBuried(id);
        assertThat(template.statsJob(id).orElseThrow().reserves()).isEqualTo(1);
        assertThat(listeners.noRetryProperty).hasValue(1);
    }

    @Test
    void listenerNamesItsOwnErrorHandler() {
        long id = template.put("custom-handler", "delete me");

        Await.until(Duration.ofSeconds(5), "the job is deleted", () -> template.statsJob(id).isEmpty());
        FailedJob failed = listeners.handled.get(0);
        assertThat(failed.job().bodyAsString()).isEqualTo("delete me");
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.exception()).hasMessage("custom");
        assertThat(failed.listenerId()).isEqualTo("custom");
        assertThat(failed.settings().retry().maxAttempts()).isEqualTo(2);
        assertThat(listeners.mdcInErrorHandler).containsExactly("none");
    }

    @Test
    void anErrorHandlerThatThrowsBuriesTheJob(CapturedOutput output) {
        long id = template.put("broken-handler", "x");

        awaitBuried(id);
        assertThat(template.statsJob(id).orElseThrow().reserves()).isEqualTo(1);
        Await.until(Duration.ofSeconds(5), "the handler's failure is logged", () -> output.getOut().contains(
                "The error handler of listener broken-handler-1 failed on job " + Long.toUnsignedString(id)));
    }

    @Test
    void anotherListenerNamesAnotherErrorHandler() {
        long id = template.put("custom-bury", "bury me");

        awaitBuried(id);
        assertThat(template.statsJob(id).orElseThrow().reserves()).isEqualTo(1);
    }

    private long deadLettered() {
        var timer = meters.find("beanstalk.listener.jobs").tags("tube", "exhausted", "outcome", "dead_lettered").timer();
        return timer == null ? 0 : timer.count();
    }

    private Job awaitReady(String tube) {
        Await.until(Duration.ofSeconds(10), "a job is ready in " + tube, () -> template.peekReady(tube).isPresent());
        return template.peekReady(tube).orElseThrow();
    }

    private void awaitBuried(long id) {
        Await.until(Duration.ofSeconds(5), "the job is buried",
                () -> template.statsJob(id).map(JobStats::state).orElse(null) == JobState.BURIED);
    }

    record Order(int number) {
    }

    static final class Listeners {

        final Map<Long, Integer> exhausted = new ConcurrentHashMap<>();
        final AtomicInteger strict = new AtomicInteger();
        final AtomicInteger noRetryCause = new AtomicInteger();
        final AtomicInteger noRetryProperty = new AtomicInteger();
        final Map<String, Map<String, String>> mdc = new ConcurrentHashMap<>();
        final List<FailedJob> handled = new CopyOnWriteArrayList<>();
        final List<String> mdcInErrorHandler = new CopyOnWriteArrayList<>();

        @BeanstalkListener(tube = "exhausted", id = "exhausted-listener", deadLetterTube = "${test.dead-letter-tube}")
        void exhausted(Job job, byte[] body) {
            exhausted.merge(job.id(), 1, Integer::sum);
            Map<String, String> seen = new HashMap<>(MDC.getCopyOfContextMap());
            seen.put("thread", Thread.currentThread().getName());
            mdc.put(job.idString(), seen);
            throw new IllegalStateException("exhausted");
        }

        @BeanstalkListener(tube = "#{'strict-' + 'dl'}", deadLetterTube = "#{'strict-' + 'dead'}")
        void strict(Order order) {
            strict.incrementAndGet();
        }

        @BeanstalkListener(tube = "no-retry-cause", maxAttempts = "5", noRetryFor = IllegalArgumentException.class)
        void noRetryCause(String text) {
            noRetryCause.incrementAndGet();
            throw new IllegalStateException("wrapped", new RuntimeException(new IllegalArgumentException(text)));
        }

        @BeanstalkListener(tube = "no-retry-property", maxAttempts = "5")
        void noRetryProperty(String text) {
            noRetryProperty.incrementAndGet();
            throw new UnsupportedOperationException(text);
        }

        @BeanstalkListener(tube = "custom-handler", id = "custom", errorHandler = "deletingErrorHandler")
        void custom(String text) {
            throw new IllegalStateException("custom");
        }

        @BeanstalkListener(tube = "kicked", maxAttempts = "1")
        void kicked(String text) {
            throw new IllegalStateException("kicked");
        }

        @BeanstalkListener(tube = "broken-handler", id = "broken-handler", errorHandler = "throwingErrorHandler")
        void broken(String text) {
            throw new IllegalStateException("broken");
        }

        @BeanstalkListener(tube = "custom-bury", errorHandler = "buryingErrorHandler")
        void customBury(String text) {
            throw new IllegalStateException("custom bury");
        }

        FailureDecision delete(FailedJob failed) {
            handled.add(failed);
            String jobId = MDC.get("beanstalk.jobId");
            mdcInErrorHandler.add(jobId == null ? "none" : jobId);
            return FailureDecision.delete();
        }
    }

    static final class Events {

        final List<BeanstalkListenerEvent> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(BeanstalkListenerEvent event) {
            received.add(event);
        }

        <T extends FailedJobEvent> T awaitOne(Class<T> type, long jobId) {
            Await.until(Duration.ofSeconds(5), "a " + type.getSimpleName() + " for job " + jobId,
                    () -> received.stream().anyMatch(event -> matches(event, type, jobId)));
            return type.cast(received.stream().filter(event -> matches(event, type, jobId)).findFirst().orElseThrow());
        }

        private static boolean matches(BeanstalkListenerEvent event, Class<?> type, long jobId) {
            return type.isInstance(event) && ((FailedJobEvent) event).getJobId() == jobId;
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
        Events events() {
            return new Events();
        }

        @Bean
        JobErrorHandler deletingErrorHandler(Listeners listeners) {
            return listeners::delete;
        }

        @Bean
        JobErrorHandler throwingErrorHandler() {
            return failed -> {
                throw new IllegalStateException("the error handler is broken");
            };
        }

        /** A second handler, so that neither becomes the factory's default. */
        @Bean
        JobErrorHandler buryingErrorHandler() {
            return failed -> FailureDecision.bury();
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
