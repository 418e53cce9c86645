package dev.beanstalk.spring.listener;

import dev.beanstalk.spring.core.JobConversionException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to a job whose handler failed: while it has been reserved fewer than {@code maxAttempts} times it is
 * released with a delay of {@code initialDelay * multiplier^(attempt - 1)}, at most {@code maxDelay}; then it is
 * buried, or moved to the listener's dead-letter tube. A failure that is, or is caused by, one of
 * {@code noRetryFor} (always including {@link JobConversionException}) skips the retries. beanstalkd counts delays
 * in whole seconds, so they are rounded up.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
        Set<Class<? extends Throwable>> noRetryFor) {

    /** Buries a job on its first failure, as beanstalkd users expect. */
    public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1));

    /** How deep a cause chain is searched for a {@code noRetryFor} exception. */
    private static final int MAX_CAUSE_DEPTH = 32;

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
        Set<Class<? extends Throwable>> never = new LinkedHashSet<>();
        never.add(JobConversionException.class);
        never.addAll(Objects.requireNonNull(noRetryFor, "noRetryFor"));
        noRetryFor = Set.copyOf(never);
    }

    /** A policy that retries every exception but {@link JobConversionException}. */
    public RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
        this(maxAttempts, initialDelay, multiplier, maxDelay, Set.of());
    }

    /** Whether a job that failed on its {@code attempt}-th reserve gets another. */
    public boolean shouldRetry(long attempt) {
        return attempt < maxAttempts;
    }

    /** Whether {@code failure} may be retried: neither it nor any of its causes is one of {@link #noRetryFor()}. */
    public boolean isRetryable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++, cause = cause.getCause()) {
            for (Class<? extends Throwable> type : noRetryFor) {
                if (type.isInstance(cause)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The release delay after the {@code attempt}-th reserve failed. */
    public Duration delayAfter(long attempt) {
        double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
        double millis = Math.min(initialDelay.toMillis() * factor, (double) maxDelay.toMillis());
        return Duration.ofMillis((long) millis);
    }

    /** This policy's delays as a Spring {@link BackOff}, giving {@code maxAttempts - 1} delays, then stopping. */
    public BackOff toBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(initialDelay.toMillis(), multiplier);
        backOff.setMaxInterval(maxDelay.toMillis());
        backOff.setMaxAttempts(maxAttempts - 1);
        return backOff;
    }

    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, noRetryFor);
    }

    public RetryPolicy withInitialDelay(Duration initialDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, noRetryFor);
    }

    public RetryPolicy withMultiplier(double multiplier) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, noRetryFor);
    }

    public RetryPolicy withMaxDelay(Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, noRetryFor);
    }

    /** This policy, also never retrying {@code types} and their subclasses. */
    public RetryPolicy withNoRetryFor(Set<Class<? extends Throwable>> types) {
        Set<Class<? extends Throwable>> all = new LinkedHashSet<>(noRetryFor);
        all.addAll(types);
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, all);
    }
}
