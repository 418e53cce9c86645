package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.core.RetryHints;
import java.util.Objects;

/**
 * A job whose handler threw, as a {@link JobErrorHandler} sees it: the job with its body, its statistics read after
 * the failure ({@link JobStats#reserves()} is the number of this attempt), the exception, the settings of the
 * listener that ran it, and the retry hints of the job's own body ({@link RetryHints#NONE} unless its format carries
 * them, such as a Laravel envelope's {@code maxTries} and {@code backoff}, and the listener sets no retry of its own).
 */
public record FailedJob(String listenerId, Job job, JobStats stats, Throwable exception,
        ContainerProperties settings, RetryHints retryHints) {

    public FailedJob {
        Objects.requireNonNull(listenerId, "listenerId");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(retryHints, "retryHints");
    }

    /** A job without retry hints of its own. */
    public FailedJob(String listenerId, Job job, JobStats stats, Throwable exception, ContainerProperties settings) {
        this(listenerId, job, stats, exception, settings, RetryHints.NONE);
    }

    /** How many attempts the job may have: its retry hints' when it has them, else the listener's retry policy's. */
    public int maxAttempts() {
        return retryHints.maxAttempts(settings.retry().maxAttempts());
    }

    /** How many times the job has been reserved, this attempt included; it keeps counting after a kick. */
    public long attempt() {
        return stats.reserves();
    }
}
