package dev.beanstalk.spring.listener;

import java.time.Duration;
import java.util.Objects;

/**
 * How a listener container works: its number of workers (each with its own connection), whether it starts with the
 * application context, how long a reserve waits before the worker checks for a stop or a pause, how long a stop waits
 * for running handlers, whether long handlers are touched before their TTR runs out, the retry policy, and whether
 * workers are virtual threads (JDK 21 and later).
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
        int prefetch) {

    public static final ContainerProperties DEFAULTS = new ContainerProperties(1, true, Duration.ofSeconds(1),
            Duration.ofSeconds(10), true, RetryPolicy.NO_RETRY, false, 1);

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
    }

    public ContainerProperties withConcurrency(int concurrency) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }

    public ContainerProperties withAutoStartup(boolean autoStartup) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }

    public ContainerProperties withReserveTimeout(Duration reserveTimeout) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }

    public ContainerProperties withShutdownTimeout(Duration shutdownTimeout) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }

    public ContainerProperties withAutoTouch(boolean autoTouch) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }

    public ContainerProperties withRetry(RetryPolicy retry) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }

    public ContainerProperties withPrefetch(int prefetch) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }

    public ContainerProperties withVirtualThreads(boolean virtualThreads) {
        return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch, retry,
                virtualThreads, prefetch);
    }
}
