package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.TubeStats;
import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.event.BeanstalkListenerEvent;
import dev.beanstalk.spring.event.ListenerConnectionLostEvent;
import dev.beanstalk.spring.event.ListenerConnectionRestoredEvent;
import dev.beanstalk.spring.event.ListenerContainerIdleEvent;
import dev.beanstalk.spring.event.ListenerContainerStartedEvent;
import dev.beanstalk.spring.event.ListenerContainerStoppedEvent;
import dev.beanstalk.spring.listener.BeanstalkListenerContainer;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.FailedJob;
import dev.beanstalk.spring.listener.FailureDecision;
import dev.beanstalk.spring.listener.JobErrorHandler;
import dev.beanstalk.test.Beanstalkd;
import dev.beanstalk.test.BeanstalkdServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Settle failures, lost connections, events, and how fast idle workers stop and pause; through a cuttable proxy. */
@Beanstalkd
@ExtendWith(OutputCaptureExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ListenerOperationsIntegrationTests {

    private BeanstalkdServer server;
    private CuttableProxy proxy;
    private BeanstalkClient direct;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void proxy(BeanstalkdServer server) throws Exception {
        this.server = server;
        this.proxy = new CuttableProxy(server.host(), server.port());
        this.direct = BeanstalkClient.create(server.host(), server.port());
        Config.ops = new Ops(proxy);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
        direct.close();
        proxy.close();
    }

    @Test
    void aSettleThatFailsIsLoggedOnceAndTheServerGivesTheJobBack(CapturedOutput output) {
        start("beanstalk.listener.retry.max-attempts=1");
        long id = direct.put("settle", "x".getBytes());
        String job = Long.toUnsignedString(id);

        Await.until(Duration.ofSeconds(10), "the job runs again and is deleted", () -> direct.statsJob(id).isEmpty());
        assertThat(Config.ops.settleRuns).hasValue(2);
        assertThat(output.getOut().lines().filter(line -> line.contains("could not bury job " + job))).hasSize(1);
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        assertThat(meters.find("beanstalk.listener.jobs").tags("tube", "settle", "outcome", "buried").timer()).isNull();
        Await.until(Duration.ofSeconds(5), "the success is counted", () -> meters.find("beanstalk.listener.jobs")
                .tags("tube", "settle", "outcome", "deleted").timer() != null);
    }

    @Test
    void lostServerLogsOneWarnAndOneInfoPerContainerAndPublishesEvents(CapturedOutput output) {
        start("beanstalk.listener.concurrency=2", "beanstalk.reconnect-delay=20ms",
                "beanstalk.max-reconnect-delay=100ms");
        awaitWaiting(2);

        proxy.refuse(true);
        proxy.cut();
        ListenerConnectionLostEvent lost = Config.ops.await(ListenerConnectionLostEvent.class);
        proxy.refuse(false);
        ListenerConnectionRestoredEvent restored = Config.ops.await(ListenerConnectionRestoredEvent.class);

        assertThat(lost.getContainerId()).isEqualTo("ops");
        assertThat(restored.getFailures()).isGreaterThanOrEqualTo(2);
        awaitWaiting(2);
        List<String> lines = output.getOut().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains(" WARN ") && line.contains("lost the server")).singleElement()
                .asString().contains("Listener ops lost the server");
        assertThat(lines).filteredOn(line -> line.contains(" INFO ") && line.contains("connected again"))
                .singleElement().asString().contains("Listener ops connected again", "after "
                        + restored.getFailures() + " failed attempts");
        assertThat(lines).noneMatch(line -> line.contains("Listener ops-1") || line.contains("Listener ops-2"));
    }

    @Test
    void containerPublishesStartedIdleAndStoppedEvents() {
        long started = System.nanoTime();
        start("beanstalk.listener.idle-event-interval=1s", "beanstalk.listener.reserve-timeout=1s");

        assertThat(Config.ops.await(ListenerContainerStartedEvent.class).getContainerId()).isEqualTo("ops");
        ListenerContainerIdleEvent idle = Config.ops.await(ListenerContainerIdleEvent.class);
        assertThat(idle.getIdleTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                .isLessThanOrEqualTo(Duration.ofNanos(System.nanoTime() - started));
        container().stop();
        assertThat(Config.ops.await(ListenerContainerStoppedEvent.class).getContainerId()).isEqualTo("ops");
    }

    @ParameterizedTest(name = "prefetch {0}")
    @ValueSource(ints = {1, 5})
    void idleWorkersStopAndPauseWellWithinTheReserveTimeout(int prefetch) {
        start("beanstalk.listener.concurrency=2", "beanstalk.listener.reserve-timeout=20s",
                "beanstalk.listener.prefetch=" + prefetch);
        BeanstalkListenerContainer container = container();
        awaitWaiting(2);

        long start = System.nanoTime();
        container.stop();
        Duration stop = Duration.ofNanos(System.nanoTime() - start);

        assertThat(stop).as("stop of an idle container with a 20s reserve timeout").isLessThan(Duration.ofSeconds(1));
        container.start();
        awaitWaiting(2);
        start = System.nanoTime();
        container.pause();
        awaitWaiting(0);
        Duration pause = Duration.ofNanos(System.nanoTime() - start);
        assertThat(pause).as("pause of an idle container with a 20s reserve timeout").isLessThan(Duration.ofSeconds(1));
        long id = direct.put("settle", "paused".getBytes());
        Await.sleep(Duration.ofMillis(300));
        assertThat(direct.statsJob(id).orElseThrow().reserves()).isZero();
        container.resume();
        Await.until(Duration.ofSeconds(5), "the job runs after the resume", () -> direct.statsJob(id).isEmpty());
    }

    private void start(String... properties) {
        app = new SpringApplicationBuilder(Config.class)
                .properties("beanstalk.host=" + server.host(), "beanstalk.port=" + proxy.port(),
                        "spring.main.banner-mode=off")
                .properties(properties)
                .run();
    }

    private BeanstalkListenerContainer container() {
        return app.getBean(BeanstalkListenerEndpointRegistry.class).getListenerContainer("ops");
    }

    private void awaitWaiting(long workers) {
        Await.until(Duration.ofSeconds(10), workers + " workers wait in a reserve",
                () -> direct.statsTube("settle").map(TubeStats::currentWaiting).orElse(0L) == workers);
    }

    /** Fails a job's first run, and cuts the connection as the error handler decides, so the bury fails. */
    static final class Ops implements JobErrorHandler {

        final CuttableProxy proxy;
        final AtomicInteger settleRuns = new AtomicInteger();
        final List<BeanstalkListenerEvent> events = new CopyOnWriteArrayList<>();

        Ops(CuttableProxy proxy) {
            this.proxy = proxy;
        }

        @BeanstalkListener(tube = "settle", id = "ops")
        void settle(String text) {
            if (settleRuns.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        }

        @Override
        public FailureDecision handle(FailedJob failed) {
            proxy.cut();
            return FailureDecision.bury();
        }

        @EventListener
        void on(BeanstalkListenerEvent event) {
            events.add(event);
        }

        <T extends BeanstalkListenerEvent> T await(Class<T> type) {
            Await.until(Duration.ofSeconds(10), "a " + type.getSimpleName(),
                    () -> events.stream().anyMatch(type::isInstance));
            return type.cast(events.stream().filter(type::isInstance).findFirst().orElseThrow());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Config {

        static Ops ops;

        @Bean
        Ops ops() {
            return ops;
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
