package dev.beanstalk.spring.listener;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The built-in {@link JobErrorHandler}: a failure the listener's {@link RetryPolicy} may retry is released with the
 * next delay of a {@link BackOff} (by default the policy's own, {@link RetryPolicy#toBackOff()}); once the back-off
 * stops, or for a failure never retried, the job goes to the listener's dead-letter tube if it has one, else it is
 * buried.
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
            long delay = delayBefore(failed.attempt(), backOff != null ? backOff : retry.toBackOff());
            if (delay != BackOffExecution.STOP) {
                return FailureDecision.release(Duration.ofMillis(delay));
            }
        }
        String deadLetterTube = failed.settings().deadLetterTube();
        return deadLetterTube != null ? FailureDecision.deadLetter(deadLetterTube) : FailureDecision.bury();
    }

    /** Whether the attempts this handler allows are the listener's {@link RetryPolicy#maxAttempts()}. */
    boolean followsRetryPolicy() {
        return backOff == null;
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
