package dev.beanstalk.spring.metrics;

import dev.beanstalk.spring.listener.JobOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records {@link BeanstalkMetrics} as Micrometer meters: the timer {@code beanstalk.put} (tags {@code tube},
 * {@code result} success or failure), the timer {@code beanstalk.listener.jobs} (tags {@code listener}, {@code tube}
 * the job's own, {@code outcome} deleted, released, buried, dead_lettered or expired), the counter
 * {@code beanstalk.listener.reconnects} (tag {@code listener}) and the counter
 * {@code beanstalk.put.after-commit.failures} (tag {@code tube}).
 *
 * <p>Each meter is registered once, on first use, and reused for every later put or job with the same tags.
 */
public final class MicrometerBeanstalkMetrics implements BeanstalkMetrics {

    private final MeterRegistry registry;
    private final Map<PutKey, Timer> puts = new ConcurrentHashMap<>();
    private final Map<JobKey, Timer> jobs = new ConcurrentHashMap<>();
    private final Map<String, Counter> reconnects = new ConcurrentHashMap<>();

    public MicrometerBeanstalkMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    private record PutKey(String tube, boolean success) {
    }

    private record JobKey(String listener, String tube, JobOutcome outcome) {
    }

    @Override
    public void put(String tube, long nanos, boolean success) {
        puts.computeIfAbsent(new PutKey(tube, success), key -> Timer.builder("beanstalk.put")
                        .description("Jobs put into beanstalkd")
                        .tag("tube", key.tube())
                        .tag("result", key.success() ? "success" : "failure")
                        .register(registry))
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
        jobs.computeIfAbsent(new JobKey(listenerId, tube, outcome), key -> Timer.builder("beanstalk.listener.jobs")
                        .description("Jobs handled by @BeanstalkListener methods, by how they ended")
                        .tag("listener", key.listener())
                        .tag("tube", key.tube())
                        .tag("outcome", key.outcome().tagValue())
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void reconnected(String listenerId) {
        reconnects.computeIfAbsent(listenerId, listener -> Counter.builder("beanstalk.listener.reconnects")
                        .description("Connections of listener workers that were lost and opened again")
                        .tag("listener", listener)
                        .register(registry))
                .increment();
    }
}
