package dev.beanstalk.spring.listener;

import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.BeanstalkServerException;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobStats;
import dev.beanstalk.spring.core.RetryHints;
import dev.beanstalk.spring.event.JobBuriedEvent;
import dev.beanstalk.spring.event.JobDeadLetteredEvent;
import java.time.Duration;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Settles a job whose handler failed, as the container's {@link JobErrorHandler} decides: a retry logs one WARN line
 * (the stack trace at DEBUG), a final outcome one ERROR with the stack trace. A settle that itself fails is logged
 * once and reported as {@link SettleFailedException}, leaving the job to the server.
 */
final class FailureSettler {

    private static final Log log = LogFactory.getLog(Worker.class);

    private final BeanstalkListenerContainer container;

    FailureSettler(BeanstalkListenerContainer container) {
        this.container = container;
    }

    /** Settles {@code job} on {@code connection} after {@code failure}; the outcome to record. */
    JobOutcome settle(String worker, BeanstalkConnection connection, Job job, Throwable failure) {
        @Nullable FailureDecision decision = null;
        try {
            Optional<JobStats> stats = connection.statsJob(job.id());
            if (stats.isEmpty()) {
                log.warn("Listener " + worker + " failed on job " + job.idString() + ", which no longer exists",
                        failure);
                return JobOutcome.EXPIRED;
            }
            FailedJob failed = new FailedJob(container.getId(), job, stats.get(), failure, container.properties(),
                    retryHints(worker, job));
            decision = decide(worker, failed);
            return carryOut(worker, connection, failed, decision);
        } catch (RuntimeException e) {
            log.warn("Listener " + worker + " could not " + verb(decision) + " job " + job.idString() + " after its"
                    + " handler failed (" + e + "); the server gives it back when the connection closes or its TTR"
                    + " runs out");
            throw new SettleFailedException(e);
        }
    }

    /** The job's own retry hints as its listener reads them; none when they cannot be read. */
    private RetryHints retryHints(String worker, Job job) {
        try {
            return container.listener().retryHints(job);
        } catch (RuntimeException e) {
            log.warn("Listener " + worker + " could not read the retry hints of job " + job.idString() + ": " + e);
            return RetryHints.NONE;
        }
    }

    /** The error handler's decision; a handler that throws or answers null buries the job, so nothing loops. */
    private FailureDecision decide(String worker, FailedJob failed) {
        try {
            FailureDecision decision = container.getErrorHandler().handle(failed);
            if (decision != null) {
                return decision;
            }
            log.error("The error handler of listener " + worker + " decided nothing for job "
                    + failed.job().idString() + "; it is buried");
        } catch (RuntimeException e) {
            log.error("The error handler of listener " + worker + " failed on job " + failed.job().idString()
                    + "; it is buried", e);
        }
        return FailureDecision.bury();
    }

    private JobOutcome carryOut(String worker, BeanstalkConnection connection, FailedJob failed,
            FailureDecision decision) {
        Job job = failed.job();
        long priority = failed.stats().priority();
        String what = "Listener " + worker + " failed on job " + job.idString() + " (" + attempt(failed) + ")";
        if (decision instanceof FailureDecision.Release release) {
            log.warn(what + ": " + failed.exception() + "; released with a delay of " + release.delay());
            if (log.isDebugEnabled()) {
                log.debug("Failure of job " + job.idString(), failed.exception());
            }
            return connection.release(job.id(), priority, release.delay()) ? JobOutcome.RELEASED : expired(worker, job);
        }
        if (decision instanceof FailureDecision.DeadLetter deadLetter) {
            return deadLetter(worker, connection, failed, deadLetter.tube(), what);
        }
        if (decision instanceof FailureDecision.Delete) {
            log.error(what + "; deleted, as its error handler decided", failed.exception());
            return connection.delete(job.id()) ? JobOutcome.DELETED : expired(worker, job);
        }
        log.error(what + "; buried", failed.exception());
        return bury(worker, connection, failed);
    }

    /**
     * Puts a copy first and deletes the job after, so a crash in between leaves a copy rather than a loss; a server
     * that refuses the put (draining, out of memory) gets the job buried instead.
     */
    private JobOutcome deadLetter(String worker, BeanstalkConnection connection, FailedJob failed, String tube,
            String what) {
        Job job = failed.job();
        JobOptions options = new JobOptions(failed.stats().priority(), Duration.ZERO, failed.stats().ttr());
        long copy;
        try {
            copy = container.client().put(tube, job.body(), options);
        } catch (BeanstalkServerException refused) {
            log.error(what + "; the dead-letter tube " + tube + " refused it (" + refused.getMessage() + "), so it is"
                    + " buried", failed.exception());
            return bury(worker, connection, failed);
        }
        log.error(what + "; moved to the dead-letter tube " + tube + " as job " + Long.toUnsignedString(copy),
                failed.exception());
        if (!connection.delete(job.id())) {
            return expired(worker, job);
        }
        container.publish(new JobDeadLetteredEvent(container, container.getId(), job.id(), failed.stats().tube(),
                tube, copy, failed.exception()));
        return JobOutcome.DEAD_LETTERED;
    }

    private JobOutcome bury(String worker, BeanstalkConnection connection, FailedJob failed) {
        if (!connection.bury(failed.job().id(), failed.stats().priority())) {
            return expired(worker, failed.job());
        }
        container.publish(new JobBuriedEvent(container, container.getId(), failed.job().id(), failed.exception()));
        return JobOutcome.BURIED;
    }

    /** "attempt N of M", never with N above M: a job kicked after its last attempt says so. */
    private String attempt(FailedJob failed) {
        long attempt = failed.attempt();
        String retryable = failed.settings().retry().isRetryable(failed.exception()) ? "" : ", not retryable";
        if (!(container.getErrorHandler() instanceof DefaultJobErrorHandler handler) || !handler.followsRetryPolicy()) {
            return "attempt " + attempt + retryable;
        }
        long max = failed.maxAttempts();
        if (attempt > max) {
            return "attempt " + attempt + ", past the " + max + " allowed, as the job was kicked" + retryable;
        }
        return "attempt " + attempt + " of " + max + retryable;
    }

    private JobOutcome expired(String worker, Job job) {
        log.warn("Job " + job.idString() + " was no longer held by listener " + worker + ": its TTR ran out, so it may"
                + " run twice");
        return JobOutcome.EXPIRED;
    }

    private static String verb(@Nullable FailureDecision decision) {
        if (decision instanceof FailureDecision.Release) {
            return "release";
        }
        if (decision instanceof FailureDecision.DeadLetter) {
            return "dead-letter";
        }
        if (decision instanceof FailureDecision.Delete) {
            return "delete";
        }
        return decision == null ? "settle" : "bury";
    }

    /** A failed job could not be settled; the worker drops its connection so the server gives the job back. */
    static final class SettleFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SettleFailedException(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
