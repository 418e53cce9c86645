package dev.beanstalk.spring.listener;

import java.util.Locale;

/** How a listener container finished with a job. */
public enum JobOutcome {

    /** The handler succeeded (or deleted it by hand) and the job was deleted. */
    DELETED,

    /** The handler failed with attempts left, or released it by hand; the job is ready or delayed again. */
    RELEASED,

    /** The handler failed on its last attempt, the payload could not be converted, or it was buried by hand. */
    BURIED,

    /** The handler failed for good and the job was copied into the listener's dead-letter tube, then deleted. */
    DEAD_LETTERED,

    /** The job's TTR ran out before the worker was done with it, so the server gave it back to the ready queue. */
    EXPIRED;

    /** The value of the {@code outcome} metric tag. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
