package dev.beanstalk.spring.event;

import java.io.Serial;

/** A container settled a job whose handler failed, for good: the job's id and what its handler threw. */
public abstract class FailedJobEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long jobId;

    private final transient Throwable exception;

    protected FailedJobEvent(Object container, String containerId, long jobId, Throwable exception) {
        super(container, containerId);
        this.jobId = jobId;
        this.exception = exception;
    }

    /** The id of the failed job. */
    public long getJobId() {
        return jobId;
    }

    /** What the handler threw. */
    public Throwable getException() {
        return exception;
    }

    @Override
    protected String details() {
        return ", job " + Long.toUnsignedString(jobId);
    }
}
