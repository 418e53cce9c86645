package dev.beanstalk.spring.event;

import java.io.Serial;

/**
 * A container put a failed job's body into a dead-letter tube, as a new job, and deleted the original; its
 * {@link #getJobId()} is the deleted original's.
 */
public final class JobDeadLetteredEvent extends FailedJobEvent {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String tube;

    private final String deadLetterTube;

    private final long deadLetterJobId;

    public JobDeadLetteredEvent(Object container, String containerId, long jobId, String tube, String deadLetterTube,
            long deadLetterJobId, Throwable exception) {
        super(container, containerId, jobId, exception);
        this.tube = tube;
        this.deadLetterTube = deadLetterTube;
        this.deadLetterJobId = deadLetterJobId;
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

    @Override
    protected String details() {
        return super.details() + " of " + tube + " to " + deadLetterTube + " as "
                + Long.toUnsignedString(deadLetterJobId);
    }
}
