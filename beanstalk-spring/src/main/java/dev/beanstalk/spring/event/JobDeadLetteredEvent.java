package dev.beanstalk.spring.event;

import java.io.Serial;

/** A container put a failed job's body into a dead-letter tube, as a new job, and deleted the original. */
public final class JobDeadLetteredEvent extends BeanstalkListenerEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long jobId;

    private final String tube;

    private final String deadLetterTube;

    private final long deadLetterJobId;

    private final transient Throwable exception;

    public JobDeadLetteredEvent(Object container, String containerId, long jobId, String tube, String deadLetterTube,
            long deadLetterJobId, Throwable exception) {
        super(container, containerId);
        this.jobId = jobId;
        this.tube = tube;
        this.deadLetterTube = deadLetterTube;
        this.deadLetterJobId = deadLetterJobId;
        this.exception = exception;
    }

    /** The id of the failed job, now deleted. */
    public long getJobId() {
        return jobId;
    }

    /** The tube the job failed in, where a tool may move it back to. */
    public String getTube() {
        return tube;
    }

    public String getDeadLetterTube() {
        return deadLetterTube;
    }

    /** The id of the copy in the dead-letter tube. */
    public long getDeadLetterJobId() {
        return deadLetterJobId;
    }

    /** What the handler threw. */
    public Throwable getException() {
        return exception;
    }

    @Override
    protected String details() {
        return ", job " + Long.toUnsignedString(jobId) + " of " + tube + " to " + deadLetterTube + " as "
                + Long.toUnsignedString(deadLetterJobId);
    }
}
