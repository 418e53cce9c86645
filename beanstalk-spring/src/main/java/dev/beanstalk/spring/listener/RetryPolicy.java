package dev.beanstalk.spring.listener;

import java.time.Duration;
import java.util.Objects;

/**
 * What happens to a job whose handler failed: while it has been reserved fewer than {@code maxAttempts} times it is
 * released with a delay of {@code initialDelay * multiplier^(attempt - 1)}, at most {@code maxDelay}; then it is
 * buried. beanstalkd counts delays in whole seconds, so they are rounded up.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    /** Buries a job on its first failure, as beanstalkd users expect. */
    public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative, were " + initialDelay + " and "
                    + maxDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, was " + multiplier);
        }
    }

    /** Whether a job that failed on its {@code attempt}-th reserve gets another. */
    public boolean shouldRetry(long attempt) {
        return attempt < maxAttempts;
    }

    /** The release delay after the {@code attempt}-th reserve failed. */
    public Duration delayAfter(long attempt) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
        double millis = Math.min(initialDelay.toMillis() * factor, (double) maxDelay.toMillis());
        return Duration.ofMillis((long) millis);
    }

    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay);
    }

    public RetryPolicy withInitialDelay(Duration initialDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay);
    }

    public RetryPolicy withMultiplier(double multiplier) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay);
    }

    public RetryPolicy withMaxDelay(Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay);
    }
}
