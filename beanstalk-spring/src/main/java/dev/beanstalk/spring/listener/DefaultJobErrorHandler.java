package dev.beanstalk.spring.listener;

import dev.beanstalk.spring.core.RetryHints;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The built-in {@link JobErrorHandler}: a failure the listener's {@link RetryPolicy} may retry is released with the
 * next delay of a {@link BackOff} (by default the policy's own, {@link RetryPolicy#toBackOff()}); once the back-off
 * stops, or for a failure never retried, the job goes to the listener's dead-letter tube if it has one, else it is
 * buried. A job with {@link FailedJob#retryHints() retry hints} of its own (a Laravel envelope's {@code maxTries}
 * and {@code backoff}) is retried as they say, unless this handler was given a {@link BackOff} of its own.
 *
 * <p>The attempt is the job's reserve count, kept by the server, so retries count across workers, restarts and
 * applications; a job kicked after it was buried gets no further retries.
 */
public final class DefaultJobErrorHandler implements JobErrorHandler {

    private final @Nullable BackOff backOff;

    /** Retries as each listener's {@link RetryPolicy} says. */
    public DefaultJobErrorHandler() {
        this.backOff = null;
    }

    /** Retries with the delays of {@code backOff} for every listener, in place of their retry policies' delays. */
    public DefaultJobErrorHandler(BackOff backOff) {
        this.backOff = Objects.requireNonNull(backOff, "backOff");
    }

    @Override
    public FailureDecision handle(FailedJob failed) {
        RetryPolicy retry = failed.settings().retry();
        if (retry.isRetryable(failed.exception())) {
            Duration delay = nextDelay(failed, retry);
            if (delay != null) {
                return FailureDecision.release(delay);
            }
        }
        String deadLetterTube = failed.settings().deadLetterTube();
        return deadLetterTube != null ? FailureDecision.deadLetter(deadLetterTube) : FailureDecision.bury();
    }

    /** Whether the attempts this handler allows are the listener's {@link RetryPolicy#maxAttempts()}. */
    boolean followsRetryPolicy() {
        return backOff == null;
    }

    /** The delay before the next attempt, or null when the job has had its attempts. */
    private @Nullable Duration nextDelay(FailedJob failed, RetryPolicy retry) {
        long attempt = failed.attempt();
        if (backOff == null && !failed.retryHints().equals(RetryHints.NONE)) {
            return attempt < failed.maxAttempts() ? failed.retryHints().delayAfter(attempt, retry.delayAfter(attempt))
                    : null;
        }
        long delay = delayBefore(attempt, backOff != null ? backOff : retry.toBackOff());
        return delay == BackOffExecution.STOP ? null : Duration.ofMillis(delay);
    }

    /** The back-off's delay after the {@code attempt}-th failure, or {@link BackOffExecution#STOP}. */
    private static long delayBefore(long attempt, BackOff backOff) {
        BackOffExecution execution = backOff.start();
        long delay = BackOffExecution.STOP;
        for (long i = 0; i < attempt; i++) {
            delay = execution.nextBackOff();
            if (delay == BackOffExecution.STOP) {
                break;
            }
        }
        return delay;
    }
}
