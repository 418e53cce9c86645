package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.autoconfigure.health.BeanstalkHealthIndicator;
import dev.beanstalk.spring.core.BeanstalkTemplate;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerContainerFactory;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.JobHandle;
import dev.beanstalk.spring.listener.SimpleBeanstalkListenerEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@SpringBootTest(properties = "beanstalk.template.tube=users")
@DirtiesContext
class TemplateAndListenerIntegrationTests extends RealBeanstalkdTests {

    @Autowired
    BeanstalkTemplate template;

    @Autowired
    Listeners listeners;

    @Autowired
    BeanstalkListenerEndpointRegistry registry;

    @Autowired
    MeterRegistry meters;

    @Autowired
    BeanstalkHealthIndicator health;

    @Test
    void typedJsonRoundTrip() throws InterruptedException {
        long id = template.put(new UserRegistered(1, "test", List.of("a/b", "café")));

        Received<UserRegistered> received = listeners.users.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.payload()).isEqualTo(new UserRegistered(1, "test", List.of("a/b", "café")));
        assertThat(received.job().id()).isEqualTo(id);
        assertThat(received.job().bodyAsString()).isEqualTo("{\"id\":1,\"name\":\"test\",\"tags\":[\"a/b\",\"café\"]}");
        Await.until(Duration.ofSeconds(5), "the job is deleted", () -> template.peek(id).isEmpty());
        Await.until(Duration.ofSeconds(5), "the outcome is counted", () -> meters.find("beanstalk.listener.jobs")
                .tags("tube", "users", "outcome", "deleted").timer() != null);
        assertThat(meters.get("beanstalk.put").tags("tube", "users", "result", "success").timer().count())
                .isPositive();
    }

    @Test
    void readsJsonAsPhpWritesIt() throws InterruptedException {
        template.put("users", "{\"id\":2,\"name\":\"php\",\"tags\":[\"a\\/b\",\"caf\\u00e9\"]}");

        Received<UserRegistered> received = listeners.users.poll(5, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.payload()).isEqualTo(new UserRegistered(2, "php", List.of("a/b", "café")));
    }

    @Test
    void stringAndBytesGoAsTheyAre() throws InterruptedException {
        template.put("texts", "plain text, not JSON");
        template.put("bytes", new byte[] {0, (byte) 0xff, '\r', '\n'});

        assertThat(listeners.texts.poll(5, TimeUnit.SECONDS)).isEqualTo("plain text, not JSON");
        assertThat(listeners.bytes.poll(5, TimeUnit.SECONDS)).containsExactly(0, 0xff, '\r', '\n');
    }

    @Test
    void severalTubesOneListener() throws InterruptedException {
        template.put("many-a", "from a");
        template.put("many-b", "from b");

        assertThat(List.of(listeners.many.poll(5, TimeUnit.SECONDS), listeners.many.poll(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder("from a", "from b");
    }

    @Test
    void delayAndTimeAreScheduled() {
        String tube = "scheduled";
        long delayed = template.putWithDelay(tube, "later", Duration.ofSeconds(30));
        long at = template.putAt(tube, "at", Instant.now().plusSeconds(120));
        long past = template.putAt(tube, "now", Instant.now().minusSeconds(10));

        assertThat(template.statsJob(delayed)).get().extracting(JobStats::state, JobStats::delay)
                .containsExactly(JobState.DELAYED, Duration.ofSeconds(30));
        assertThat(template.statsJob(at).orElseThrow().delay()).isBetween(Duration.ofSeconds(119),
                Duration.ofSeconds(120));
        assertThat(template.statsJob(past).orElseThrow().state()).isEqualTo(JobState.READY);
        assertThat(template.peekDelayed(tube).orElseThrow().id()).isEqualTo(delayed);
        assertThat(template.kick(tube, 10)).isEqualTo(2);
        assertThat(template.statsTube(tube).orElseThrow().currentJobsReady()).isEqualTo(3);
    }

    @Test
    void maintenanceOperations() {
        String tube = "maintenance";
        long id = template.put(tube, "x", JobOptions.builder().priority(7).ttr(Duration.ofSeconds(9)).build());

        assertThat(template.listTubes()).contains(tube);
        assertThat(template.peekReady(tube)).get().extracting(Job::id).isEqualTo(id);
        assertThat(template.statsJob(id).orElseThrow().priority()).isEqualTo(7);
        assertThat(template.statsJob(id).orElseThrow().ttr()).isEqualTo(Duration.ofSeconds(9));
        assertThat(template.peekBuried(tube)).isEmpty();
        assertThat(template.kickJob(id)).isFalse();
        assertThat(template.pauseTube(tube, Duration.ofSeconds(60))).isTrue();
        assertThat(template.statsTube(tube).orElseThrow().isPaused()).isTrue();
        assertThat(template.resumeTube(tube)).isTrue();
        assertThat(template.stats().version()).isNotBlank();
        assertThat(template.delete(id)).isTrue();
        assertThat(template.peek(id)).isEmpty();
        assertThat(template.statsTube("no-such-tube")).isEmpty();
    }

    @Test
    void payloadOverTheLimitFailsBeforeSending() {
        long puts = template.stats().cmdPut();

        assertThatIllegalArgumentException().isThrownBy(() -> template.put("users", new byte[65_536]))
                .withMessageContaining("65536 bytes").withMessageContaining("65535 bytes");
        assertThat(template.stats().cmdPut()).isEqualTo(puts);
    }

    @Test
    void putAfterCommitWaitsForTheCommit() throws Exception {
        String tube = "after-commit";
        TransactionSynchronizationManager.initSynchronization();
        CompletableFuture<Long> id;
        try {
            id = template.putAfterCommit(tube, "committed");
            assertThat(id).isNotDone();
            assertThat(template.statsTube(tube)).isEmpty();
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(template.peek(id.get(1, TimeUnit.SECONDS)).orElseThrow().bodyAsString()).isEqualTo("committed");
    }

    @Test
    void putAfterCommitIsCancelledByARollback() {
        String tube = "rolled-back";
        TransactionSynchronizationManager.initSynchronization();
        CompletableFuture<Long> id;
        try {
            id = template.putAfterCommit(tube, "never");
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(id).isCancelled();
        assertThat(template.statsTube(tube)).isEmpty();
    }

    @Test
    void putAfterCommitPutsAtOnceWithoutATransaction() throws Exception {
        assertThat(template.peek(template.putAfterCommit("no-tx", "now").get(1, TimeUnit.SECONDS))).isPresent();
    }

    @Test
    void handleSettlesByHand() throws InterruptedException {
        long released = template.put("by-hand", "release");
        long buried = template.put("by-hand", "bury");

        Await.until(Duration.ofSeconds(5), "both are settled", () -> listeners.byHand.size() == 2);
        assertThat(template.statsJob(released).orElseThrow())
                .extracting(JobStats::state, JobStats::priority, JobStats::releases)
                .containsExactly(JobState.DELAYED, 5L, 1L);
        assertThat(template.statsJob(buried).orElseThrow().state()).isEqualTo(JobState.BURIED);
        assertThat(listeners.byHand).containsExactlyInAnyOrder(1L, 1L);
    }

    @Test
    void pauseAndResume() throws InterruptedException {
        BeanstalkListenerContainer container = registry.getListenerContainer("paused");
        container.pause();
        Await.sleep(Duration.ofMillis(1500));
        template.put("pausable", "wait");

        assertThat(listeners.paused.poll(1500, TimeUnit.MILLISECONDS)).isNull();
        container.resume();
        assertThat(listeners.paused.poll(5, TimeUnit.SECONDS)).isEqualTo("wait");
    }

    @Test
    void programmaticRegistration(@Autowired BeanstalkListenerContainerFactory factory) throws InterruptedException {
        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        BeanstalkListenerContainer container = registry.registerListenerContainer(
                new SimpleBeanstalkListenerEndpoint("programmatic", List.of("programmatic"),
                        (job, handle) -> bodies.add(job.bodyAsString())), factory);
        assertThat(container.isRunning()).isTrue();

        template.put("programmatic", "hello");
        assertThat(bodies.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
    }

    @Test
    void prefetchingWorkersHandleEveryJobOnce() {
        for (int i = 0; i < 200; i++) {
            template.put("prefetched", i);
        }

        Await.until(Duration.ofSeconds(10), "200 jobs are handled", () -> listeners.prefetched.size() == 200);
        Await.until(Duration.ofSeconds(5), "the tube is empty", () -> template.statsTube("prefetched")
                .map(tube -> tube.currentJobsReady() + tube.currentJobsReserved()).orElse(0L) == 0);
        assertThat(listeners.prefetched).containsOnlyOnceElementsOf(java.util.stream.IntStream.range(0, 200)
                .boxed().toList());
    }

    @Test
    void healthReportsTheServer() {
        var health = this.health.health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("version", "draining", "servers")
                .containsEntry("draining", false);
    }

    record UserRegistered(long id, String name, List<String> tags) {
    }

    record Received<T>(T payload, Job job) {
    }

    static final class Listeners {

        final BlockingQueue<Received<UserRegistered>> users = new LinkedBlockingQueue<>();
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> bytes = new LinkedBlockingQueue<>();
        final BlockingQueue<String> many = new LinkedBlockingQueue<>();
        final BlockingQueue<String> paused = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> byHand = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> prefetched = new LinkedBlockingQueue<>();

        @BeanstalkListener(tube = "prefetched", prefetch = "10", concurrency = "2")
        void onPrefetched(int number) {
            prefetched.add(number);
        }

        @BeanstalkListener(tube = "${beanstalk.template.tube}")
        void onUserRegistered(Job job, UserRegistered event) {
            users.add(new Received<>(event, job));
        }

        @BeanstalkListener(tube = "texts")
        void onText(String text) {
            texts.add(text);
        }

        @BeanstalkListener(tube = "bytes")
        void onBytes(byte[] body) {
            bytes.add(body);
        }

        @BeanstalkListener(tubes = {"many-a", "many-b"}, concurrency = "2")
        void onMany(String text) {
            many.add(text);
        }

        @BeanstalkListener(tube = "pausable", id = "paused")
        void onPausable(String text) {
            paused.add(text);
        }

        @BeanstalkListener(tube = "by-hand")
        void byHand(String text, JobHandle handle) {
            byHand.add(handle.attempt());
            if (text.equals("release")) {
                handle.release(5, Duration.ofSeconds(30));
            } else {
                handle.bury();
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
