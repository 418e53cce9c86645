package dev.beanstalk.spring.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beanstalk.spring.annotation.BeanstalkListener;
import dev.beanstalk.spring.autoconfigure.BeanstalkAutoConfiguration;
import dev.beanstalk.spring.autoconfigure.metrics.BeanstalkMetricsAutoConfiguration;
import dev.beanstalk.spring.core.BeanstalkOperations;
import dev.beanstalk.spring.observation.BeanstalkJobContext;
import dev.beanstalk.spring.observation.BeanstalkListenerObservationConvention;
import dev.beanstalk.spring.observation.DefaultBeanstalkListenerObservationConvention;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts and handled jobs are observations when switched on, and the handler runs inside its job's observation (and,
 * with tracing, its span); off by default. Also holds the meters to the job's own tube for a multi-tube listener.
 */
@Timeout(60)
class ObservationIntegrationTests extends RealBeanstalkdTests {

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BeanstalkAutoConfiguration.class,
                        BeanstalkMetricsAutoConfiguration.class))
                .withUserConfiguration(Config.class)
                .withPropertyValues("beanstalk.host=" + server.host(), "beanstalk.port=" + server.port(),
                        "beanstalk.listener.reserve-timeout=1s", "beanstalk.listener.shutdown-timeout=1s");
    }

    @Test
    void observesPutsAndJobsWhenEnabled() {
        runner().withPropertyValues("beanstalk.template.observation-enabled=true",
                "beanstalk.listener.observation-enabled=true").run(context -> {
                    long id = context.getBean(BeanstalkOperations.class).put("observed", "hello");
                    Handled handled = context.getBean(Listener.class).handled.poll(10, TimeUnit.SECONDS);
                    assertThat(handled).isNotNull();

                    assertThat(handled.observation()).isNotNull();
                    assertThat(handled.observation().getContextView()).isInstanceOf(BeanstalkJobContext.class);
                    assertThat(handled.observation().getContextView().getName()).isEqualTo("beanstalk.listener");
                    SimpleTracer tracer = context.getBean(SimpleTracer.class);
                    assertThat(handled.traceId()).as("the handler runs in the job's span").isNotNull();

                    TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
                    Await.until(Duration.ofSeconds(10), "the job's observation stops", () -> context
                            .getBean(Stopped.class).names.contains("beanstalk.listener"));
                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("beanstalk.template").that()
                            .hasContextualNameEqualTo("put observed")
                            .hasLowCardinalityKeyValue("tube", "observed")
                            .hasLowCardinalityKeyValue("outcome", "success")
                            .hasHighCardinalityKeyValue("job.id", Long.toUnsignedString(id))
                            .hasBeenStopped();
                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("beanstalk.listener").that()
                            .hasLowCardinalityKeyValue("listener", "observed")
                            .hasLowCardinalityKeyValue("tube", "observed")
                            .hasLowCardinalityKeyValue("outcome", "success")
                            .hasLowCardinalityKeyValue("custom", "yes")
                            .hasHighCardinalityKeyValue("job.id", Long.toUnsignedString(id))
                            .hasBeenStopped();
                    SimpleSpan span = tracer.getSpans().stream()
                            .filter(candidate -> "handle observed".equals(candidate.getName())).findFirst()
                            .orElseThrow();
                    assertThat(span.getTraceId()).isEqualTo(handled.traceId());
                });
    }

    @Test
    void aHandlerThatThrowsIsAFailureWithItsError() {
        runner().withPropertyValues("beanstalk.listener.observation-enabled=true").run(context -> {
            long id = context.getBean(BeanstalkOperations.class).put("observed-failing", "boom");

            Await.until(Duration.ofSeconds(10), "the failed job's observation stops", () -> context
                    .getBean(Stopped.class).names.contains("beanstalk.listener"));
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .hasObservationWithNameEqualTo("beanstalk.listener").that()
                    .hasLowCardinalityKeyValue("listener", "failing")
                    .hasLowCardinalityKeyValue("outcome", "failure")
                    .hasHighCardinalityKeyValue("job.id", Long.toUnsignedString(id))
                    .hasError();
            Await.until(Duration.ofSeconds(10), "the failed job is buried", () -> context
                    .getBean(BeanstalkOperations.class).peekBuried("observed-failing").isPresent());
            context.getBean(BeanstalkOperations.class).delete(id);
        });
    }

    @Test
    void observesNothingByDefault() {
        runner().run(context -> {
            context.getBean(BeanstalkOperations.class).put("observed", "hello");
            Handled handled = context.getBean(Listener.class).handled.poll(10, TimeUnit.SECONDS);
            assertThat(handled).isNotNull();

            assertThat(handled.observation()).isNull();
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .doesNotHaveAnyObservation();
        });
    }

    @Test
    void tagsEachJobOfAMultiTubeListenerWithItsOwnTube() {
        runner().run(context -> {
            BeanstalkOperations template = context.getBean(BeanstalkOperations.class);
            template.put("multi-a", "one");
            template.put("multi-b", "two");
            template.put("multi-b", "three");

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Await.until(Duration.ofSeconds(10), "all three jobs are counted", () -> meters
                    .find("beanstalk.listener.jobs").tag("listener", "multi").timers().stream()
                    .mapToLong(timer -> timer.count()).sum() == 3);
            assertThat(meters.get("beanstalk.listener.jobs").tags("listener", "multi", "tube", "multi-a",
                    "outcome", "deleted").timer().count()).isEqualTo(1);
            assertThat(meters.get("beanstalk.listener.jobs").tags("listener", "multi", "tube", "multi-b",
                    "outcome", "deleted").timer().count()).isEqualTo(2);
        });
    }

    record Handled(Observation observation, String traceId) {
    }

    /** The names of the observations that stopped; it runs after the tracing and the test registry's handlers. */
    static final class Stopped implements ObservationHandler<Observation.Context> {

        final Queue<String> names = new ConcurrentLinkedQueue<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onStop(Observation.Context context) {
            names.add(context.getName());
        }
    }

    static final class Listener {

        final BlockingQueue<Handled> handled = new LinkedBlockingQueue<>();
        private final ObservationRegistry registry;
        private final SimpleTracer tracer;

        Listener(ObservationRegistry registry, SimpleTracer tracer) {
            this.registry = registry;
            this.tracer = tracer;
        }

        @BeanstalkListener(id = "observed", tube = "observed")
        void handle(String text) {
            String traceId = tracer.currentSpan() == null ? null : tracer.currentSpan().context().traceId();
            handled.add(new Handled(registry.getCurrentObservation(), traceId));
        }

        @BeanstalkListener(id = "failing", tube = "observed-failing")
        void fail(String text) {
            throw new IllegalStateException("failing on purpose: " + text);
        }

        @BeanstalkListener(id = "multi", tubes = {"multi-a", "multi-b"})
        void multi(String text) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        SimpleTracer tracer() {
            return new SimpleTracer();
        }

        @Bean
        Stopped stopped() {
            return new Stopped();
        }

        @Bean
        TestObservationRegistry observationRegistry(SimpleTracer tracer, Stopped stopped) {
            TestObservationRegistry registry = TestObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer))
                    .observationHandler(stopped);
            return registry;
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** Replaces the default convention, adding a tag. */
        @Bean
        BeanstalkListenerObservationConvention listenerConvention() {
            return new DefaultBeanstalkListenerObservationConvention() {
                @Override
                public KeyValues getLowCardinalityKeyValues(BeanstalkJobContext context) {
                    return super.getLowCardinalityKeyValues(context).and("custom", "yes");
                }
            };
        }

        @Bean
        Listener listener(ObservationRegistry registry, SimpleTracer tracer) {
            return new Listener(registry, tracer);
        }
    }
}
