package dev.beanstalk.spring.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How often and how soon a job asks to be tried again after its handler failed, as its body says: a Laravel
 * envelope's {@code maxTries} and {@code backoff}. They apply when the listener sets no retry of its own; an absent
 * value leaves the listener's.
 *
 * @param maxAttempts how many times the job may be reserved in all, or null for the listener's own;
 *     {@link Integer#MAX_VALUE} for unlimited
 * @param backoff the release delay after the first, second, ... failure, the last one repeating; empty for the
 *     listener's own
 */
public record RetryHints(@Nullable Integer maxAttempts, List<Duration> backoff) {

    /** No hints: the listener's retry policy decides. */
    public static final RetryHints NONE = new RetryHints(null, List.of());

    public RetryHints {
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        backoff = List.copyOf(Objects.requireNonNull(backoff, "backoff"));
        for (Duration delay : backoff) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("backoff delays must not be negative, were " + backoff);
            }
        }
    }

    /** The hinted number of attempts, or {@code fallback} without a hint. */
    public int maxAttempts(int fallback) {
        return maxAttempts == null ? fallback : maxAttempts;
    }

    /** The hinted delay after the {@code attempt}-th reserve failed, or {@code fallback} without a hint. */
    public Duration delayAfter(long attempt, Duration fallback) {
        if (backoff.isEmpty()) {
            return fallback;
        }
        int index = (int) Math.min(backoff.size() - 1, Math.max(0, attempt - 1));
        return backoff.get(index);
    }
}
