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
 * {@code server}, {@code result} success or failure), the timer {@code beanstalk.listener.jobs} (tags
 * {@code listener}, {@code tube} the job's own, {@code server}, {@code outcome} deleted, released, buried,
 * dead_lettered or expired), the counter {@code beanstalk.listener.reconnects} (tags {@code listener},
 * {@code server}) and the counter
 * {@code beanstalk.put.after-commit.failures} (tag {@code tube}).
 *
 * <p>{@code server} is the job's server as {@code host:port}, {@value BeanstalkMetrics#UNKNOWN_SERVER} for a failed
 * put or when a caller did not say. Each meter is registered once, on first use, and reused for every later put or job with the same tags.
 */
public final class MicrometerBeanstalkMetrics implements BeanstalkMetrics {

    private final MeterRegistry registry;
    private final Map<PutKey, Timer> puts = new ConcurrentHashMap<>();
    private final Map<JobKey, Timer> jobs = new ConcurrentHashMap<>();
    private final Map<ReconnectKey, Counter> reconnects = new ConcurrentHashMap<>();

    public MicrometerBeanstalkMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    private record PutKey(String tube, String server, boolean success) {
    }

    private record JobKey(String listener, String tube, String server, JobOutcome outcome) {
    }

    private record ReconnectKey(String listener, String server) {
    }

    @Override
    public void put(String tube, long nanos, boolean success) {
        put(tube, UNKNOWN_SERVER, nanos, success);
    }

    @Override
    public void put(String tube, String server, long nanos, boolean success) {
        puts.computeIfAbsent(new PutKey(tube, server, success), key -> Timer.builder("beanstalk.put")
                        .description("Jobs put into beanstalkd")
                        .tag("tube", key.tube())
                        .tag("server", key.server())
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
        handled(listenerId, tube, UNKNOWN_SERVER, outcome, nanos);
    }

    @Override
    public void handled(String listenerId, String tube, String server, JobOutcome outcome, long nanos) {
        jobs.computeIfAbsent(new JobKey(listenerId, tube, server, outcome),
                        key -> Timer.builder("beanstalk.listener.jobs")
                        .description("Jobs handled by @BeanstalkListener methods, by how they ended")
                        .tag("listener", key.listener())
                        .tag("tube", key.tube())
                        .tag("server", key.server())
                        .tag("outcome", key.outcome().tagValue())
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void reconnected(String listenerId) {
        reconnected(listenerId, UNKNOWN_SERVER);
    }

    @Override
    public void reconnected(String listenerId, String server) {
        reconnects.computeIfAbsent(new ReconnectKey(listenerId, server), key -> Counter.builder(
                                "beanstalk.listener.reconnects")
                        .description("Connections of listener workers that were lost and opened again")
                        .tag("listener", key.listener())
                        .tag("server", key.server())
                        .register(registry))
                .increment();
    }
}
