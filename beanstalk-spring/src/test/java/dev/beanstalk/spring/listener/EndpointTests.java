package dev.beanstalk.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.core.JobConversionException;
import dev.beanstalk.spring.core.JsonJobConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EndpointTests {

    private final JsonJobConverter converter = new JsonJobConverter(JsonMapper.builder().build());

    @Test
    void methodParametersGetThePayloadTheJobAndTheHandle() throws Exception {
        Target target = new Target();
        MethodBeanstalkListenerEndpoint endpoint = new MethodBeanstalkListenerEndpoint(target,
                Target.class.getDeclaredMethod("handle", JobHandle.class, Point.class, Job.class));
        Job job = new Job(5, "{\"x\":1,\"y\":2}".getBytes(StandardCharsets.UTF_8));

        endpoint.createListener(converter).onJob(job, null);

        assertThat(target.calls).containsExactly(new Point(1, 2), job);
    }

    @Test
    void unconvertiblePayloadFailsBeforeTheMethodRuns() throws Exception {
        Target target = new Target();
        MethodBeanstalkListenerEndpoint endpoint = new MethodBeanstalkListenerEndpoint(target,
                Target.class.getDeclaredMethod("handle", JobHandle.class, Point.class, Job.class));

        assertThatExceptionOfType(JobConversionException.class).isThrownBy(() -> endpoint.createListener(converter)
                .onJob(new Job(5, "oops".getBytes(StandardCharsets.UTF_8)), null));
        assertThat(target.calls).isEmpty();
    }

    @Test
    void methodExceptionsArriveUnwrapped() throws Exception {
        MethodBeanstalkListenerEndpoint endpoint = new MethodBeanstalkListenerEndpoint(new Target(),
                Target.class.getDeclaredMethod("fail", String.class));

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> endpoint.createListener(converter)
                .onJob(new Job(1, "boom".getBytes(StandardCharsets.UTF_8)), null)).withMessage("boom");
    }

    @Test
    void twoPayloadParametersAreRejected() throws Exception {
        assertThatIllegalArgumentException().isThrownBy(() -> new MethodBeanstalkListenerEndpoint(new Target(),
                Target.class.getDeclaredMethod("twoPayloads", String.class, Point.class)))
                .withMessageContaining("two payload parameters");
    }

    @Test
    void badTubeNamesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimpleBeanstalkListenerEndpoint("x", List.of("bad tube"), (job, handle) -> { }))
                .withMessageContaining("'bad tube'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimpleBeanstalkListenerEndpoint("x", List.of("-dash"), (job, handle) -> { }))
                .withMessageContaining("'-dash'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SimpleBeanstalkListenerEndpoint("x", List.of(), (job, handle) -> { }));
        assertThat(new SimpleBeanstalkListenerEndpoint("x", List.of("a-b+c/d;e.f$g_h(i)"), (job, handle) -> { })
                .getTubes()).containsExactly("a-b+c/d;e.f$g_h(i)");
    }

    @Test
    void overridesApplyOverTheFactoryDefaults() {
        SimpleBeanstalkListenerEndpoint endpoint = new SimpleBeanstalkListenerEndpoint("x", List.of("t"),
                (job, handle) -> { });
        endpoint.setConcurrency(4);
        endpoint.setMaxAttempts(5);
        endpoint.setRetryInitialDelay(Duration.ofSeconds(7));
        endpoint.setAutoTouch(false);

        ContainerProperties properties = endpoint.resolveProperties(ContainerProperties.DEFAULTS);

        assertThat(properties.concurrency()).isEqualTo(4);
        assertThat(properties.autoTouch()).isFalse();
        assertThat(properties.autoStartup()).isTrue();
        assertThat(properties.retry()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(7), 2.0,
                Duration.ofMinutes(1)));
    }

    @Test
    void containerPropertiesRejectNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContainerProperties.DEFAULTS.withConcurrency(0))
                .withMessageContaining("concurrency").withMessageContaining("0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContainerProperties.DEFAULTS.withReserveTimeout(Duration.ZERO))
                .withMessageContaining("reserveTimeout");
    }

    record Point(int x, int y) {
    }

    static final class Target {

        final List<Object> calls = new ArrayList<>();

        void handle(JobHandle handle, Point point, Job job) {
            calls.add(point);
            calls.add(job);
        }

        void fail(String text) {
            throw new IllegalStateException(text);
        }

        void twoPayloads(String text, Point point) {
        }
    }
}
