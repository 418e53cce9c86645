package dev.beanstalk.spring.listener;

import dev.beanstalk.client.Job;
import dev.beanstalk.spring.core.RetryHints;

/**
 * Works on one reserved job. Returning normally deletes the job unless it was settled through the handle; an
 * exception releases, buries or dead-letters it as the container's {@link JobErrorHandler} decides.
 */
@FunctionalInterface
public interface JobListener {

    void onJob(Job job, JobHandle handle) throws Exception;

    /** What {@code job} asks of its retries after a failure, such as a Laravel job's {@code maxTries}. */
    default RetryHints retryHints(Job job) {
        return RetryHints.NONE;
    }
}
