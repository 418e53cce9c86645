package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobStats;
import java.util.Objects;

/**
 * A job whose handler threw, as a {@link JobErrorHandler} sees it: the job with its body, its statistics read after
 * the failure ({@link JobStats#reserves()} is the number of this attempt), the exception, and the settings of the
 * listener that ran it.
 */
public record FailedJob(String listenerId, Job job, JobStats stats, Throwable exception,
        ContainerProperties settings) {

    public FailedJob {
        Objects.requireNonNull(listenerId, "listenerId");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(settings, "settings");
    }

    /** How many times the job has been reserved, this attempt included; it keeps counting after a kick. */
    public long attempt() {
        return stats.reserves();
    }
}
