package dev.beanstalk.spring.listener;

import dev.beanstalk.client.TubeNames;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a listener container works: its number of workers (each with its own connection), whether it starts with the
 * application context, how long a reserve waits before the worker checks for a stop or a pause, how long a stop waits
 * for running handlers, whether long handlers are touched before their TTR runs out, the retry policy, and whether
 * workers are virtual threads (JDK 21 and later), the dead-letter tube jobs go to when their attempts are exhausted
 * ({@code null}: they are buried), and how long a container must go without a job before it publishes a
 * {@link dev.beanstalk.spring.event.ListenerContainerIdleEvent} ({@code null}: never).
 *
 * <p>With a {@code prefetch} above 1, each worker reserves up to that many ready jobs in one go and runs them one
 * after the other, deleting them in batches: much faster for short handlers, but a job waits in the worker while the
 * ones before it run, and that wait counts against its TTR.
 */
public record ContainerProperties(
        int concurrency,
        boolean autoStartup,
        Duration reserveTimeout,
        Duration shutdownTimeout,
        boolean autoTouch,
        RetryPolicy retry,
        boolean virtualThreads,
        int prefetch,
        @Nullable String deadLetterTube,
        @Nullable Duration idleEventInterval) {

    public static final ContainerProperties DEFAULTS = new ContainerProperties(1, true, Duration.ofSeconds(1),
            Duration.ofSeconds(10), true, RetryPolicy.NO_RETRY, false, 1, null, null);

    public ContainerProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        Objects.requireNonNull(reserveTimeout, "reserveTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(retry, "retry");
        if (reserveTimeout.isNegative() || reserveTimeout.isZero()) {
            throw new IllegalArgumentException("reserveTimeout must be positive, was " + reserveTimeout);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative, was " + shutdownTimeout);
        }
        if (deadLetterTube != null) {
            TubeNames.requireValid(deadLetterTube);
        }
        if (idleEventInterval != null && (idleEventInterval.isNegative() || idleEventInterval.isZero())) {
            throw new IllegalArgumentException("idleEventInterval must be positive, was " + idleEventInterval);
        }
    }

    /** Properties without a dead-letter tube or idle events. */
    public ContainerProperties(int concurrency, boolean autoStartup, Duration reserveTimeout, Duration shutdownTimeout,
            boolean autoTouch, RetryPolicy retry, boolean virtualThreads, int prefetch) {
        this(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry, virtualThreads, prefetch,
                null, null);
    }

    public ContainerProperties withConcurrency(int concurrency) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withAutoStartup(boolean autoStartup) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withReserveTimeout(Duration reserveTimeout) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withShutdownTimeout(Duration shutdownTimeout) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withAutoTouch(boolean autoTouch) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withRetry(RetryPolicy retry) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withPrefetch(int prefetch) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withVirtualThreads(boolean virtualThreads) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withDeadLetterTube(@Nullable String deadLetterTube) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }

    public ContainerProperties withIdleEventInterval(@Nullable Duration idleEventInterval) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch, deadLetterTube, idleEventInterval);
    }
}
