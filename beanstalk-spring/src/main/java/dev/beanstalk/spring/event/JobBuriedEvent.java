package dev.beanstalk.spring.event;

import java.io.Serial;

/** A container buried a job whose handler failed (not one its handler buried by hand). */
public final class JobBuriedEvent extends FailedJobEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    public JobBuriedEvent(Object container, String containerId, long jobId, Throwable exception) {
        super(container, containerId, jobId, exception);
    }
}
