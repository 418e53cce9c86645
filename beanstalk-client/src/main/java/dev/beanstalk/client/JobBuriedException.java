package dev.beanstalk.client;

import java.io.Serial;

/**
 * The server buried a job it was asked to insert or release because its priority queue could not grow (out of
 * memory); the job exists, buried, under {@link #jobId()}, or {@code 0} for a release.
 */
public final class JobBuriedException extends BeanstalkServerException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long jobId;

    public JobBuriedException(long jobId, String message) {
        super("BURIED", message);
        this.jobId = jobId;
    }

    /** The buried job's id (unsigned), or 0 when the server did not name it. */
    public long jobId() {
        return jobId;
    }
}
