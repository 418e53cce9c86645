package dev.beanstalk.spring.event;

import java.io.Serial;

/** A container buried a job whose handler failed (not one its handler buried by hand). */
public final class JobBuriedEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long jobId;

    private final transient Throwable exception;

    public JobBuriedEvent(Object container, String containerId, long jobId, Throwable exception) {
        super(container, containerId);
        this.jobId = jobId;
        this.exception = exception;
    }

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
