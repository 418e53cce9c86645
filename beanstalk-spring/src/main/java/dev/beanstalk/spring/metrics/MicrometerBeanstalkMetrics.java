package dev.beanstalk.spring.metrics;

import dev.beanstalk.spring.listener.JobOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Records {@link BeanstalkMetrics} as Micrometer meters: the timer {@code beanstalk.put} (tags {@code tube},
 * {@code result} success or failure), the timer {@code beanstalk.listener.jobs} (tags {@code listener}, {@code tube},
 * {@code outcome} deleted, released, buried, dead_lettered or expired), the counter
 * {@code beanstalk.listener.reconnects} (tag {@code listener}) and the counter
 * {@code beanstalk.put.after-commit.failures} (tag {@code tube}).
 */
public final class MicrometerBeanstalkMetrics implements BeanstalkMetrics {

    private final MeterRegistry registry;

    public MicrometerBeanstalkMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void put(String tube, long nanos, boolean success) {
        Timer.builder("beanstalk.put")
                .description("Jobs put into beanstalkd")
                .tag("tube", tube)
                .tag("result", success ? "success" : "failure")
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void putAfterCommitFailed(String tube) {
        Counter.builder("beanstalk.put.after-commit.failures")
                .description("Puts that failed after their transaction had committed, so the job was not put")
                .tag("tube", tube)
                .register(registry)
                .increment();
    }

    @Override
    public void handled(String listenerId, String tube, JobOutcome outcome, long nanos) {
        Timer.builder("beanstalk.listener.jobs")
                .description("Jobs handled by @BeanstalkListener methods, by how they ended")
                .tag("listener", listenerId)
                .tag("tube", tube)
                .tag("outcome", outcome.tagValue())
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void reconnected(String listenerId) {
        Counter.builder("beanstalk.listener.reconnects")
                .description("Connections of listener workers that were lost and opened again")
                .tag("listener", listenerId)
                .register(registry)
                .increment();
    }
}
