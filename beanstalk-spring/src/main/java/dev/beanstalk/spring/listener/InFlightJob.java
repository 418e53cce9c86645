package dev.beanstalk.spring.listener;

import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.Job;
import dev.beanstalk.client.JobOptions;
import dev.beanstalk.client.JobStats;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A job a worker is running a handler for: the handler's {@link JobHandle}, and the state that decides who settles
 * the job (the worker, the handler by hand, or a stop that gave up waiting) and when it is touched.
 */
final class InFlightJob implements JobHandle {

    private static final Log log = LogFactory.getLog(InFlightJob.class);

    /** When the first touch of a handler still running is due: before the shortest TTR beanstalkd allows (1s). */
    static final long FIRST_TOUCH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private static final long MIN_TOUCH_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Job job;
    private final String tube;
    private final BeanstalkConnection connection;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final Object touchLock = new Object();
    private volatile @Nullable JobOutcome settledByHand;
    private boolean touching = true;
    private long nextTouchNanos;
    private long ttrNanos;

    InFlightJob(Job job, String tube, BeanstalkConnection connection, long reservedAtNanos) {
        this.job = job;
        this.tube = tube;
        this.connection = connection;
        this.nextTouchNanos = reservedAtNanos + FIRST_TOUCH_NANOS;
    }

    @Override
    public Job job() {
        return job;
    }

    @Override
    public String tube() {
        return tube;
    }

    @Override
    public JobStats stats() {
        return connection.statsJob(job.id()).orElseThrow(() -> new IllegalStateException("job " + job.idString()
                + " no longer exists"));
    }

    @Override
    public long attempt() {
        return stats().reserves();
    }

    @Override
    public boolean touch() {
        synchronized (touchLock) {
            return connection.touch(job.id());
        }
    }

    @Override
    public boolean delete() {
        return settleByHand(JobOutcome.DELETED, () -> connection.delete(job.id()));
    }

    @Override
    public boolean release(Duration delay) {
        return release(stats().priority(), delay);
    }

    @Override
    public boolean release(long priority, Duration delay) {
        return settleByHand(JobOutcome.RELEASED, () -> connection.release(job.id(), priority, delay));
    }

    @Override
    public boolean bury() {
        return bury(stats().priority());
    }

    @Override
    public boolean bury(long priority) {
        return settleByHand(JobOutcome.BURIED, () -> connection.bury(job.id(), priority));
    }

    /** Claims the job for its one settling action; false if someone else settled it already. */
    boolean settle() {
        return settled.compareAndSet(false, true);
    }

    /** How the handler settled the job by hand, or null. */
    @Nullable JobOutcome settledByHand() {
        return settledByHand;
    }

    /** Touches the job if a touch is due; the first after {@link #FIRST_TOUCH_NANOS}, then every half TTR. */
    void touchIfDue(long now) {
        synchronized (touchLock) {
            if (!touching || settled.get() || now - nextTouchNanos < 0) {
                return;
            }
            if (ttrNanos == 0) {
                ttrNanos = Math.max(TimeUnit.SECONDS.toNanos(1), stats().ttr().toNanos());
            }
            if (!connection.touch(job.id())) {
                touching = false;
                log.warn("Job " + job.idString() + " was no longer held when touched: its TTR ran out, so it may run"
                        + " twice");
                return;
            }
            nextTouchNanos = now + Math.max(MIN_TOUCH_INTERVAL_NANOS, ttrNanos / 2);
        }
    }

    /** Ends touching, waiting for a touch in progress, so the worker may send its next command. */
    void stopTouching() {
        synchronized (touchLock) {
            touching = false;
        }
    }

    /** Releases the job, ready now with its priority, unless it was settled; for a stop that gave up waiting. */
    boolean abandon() {
        if (!settle()) {
            return false;
        }
        try {
            long priority = connection.statsJob(job.id()).map(JobStats::priority).orElse(JobOptions.DEFAULT_PRIORITY);
            return connection.release(job.id(), priority, Duration.ZERO);
        } catch (RuntimeException e) {
            log.warn("Could not release job " + job.idString() + "; it returns to the ready queue when its"
                    + " connection closes", e);
            return false;
        }
    }

    private boolean settleByHand(JobOutcome outcome, BooleanSupplier action) {
        if (!settle()) {
            throw new IllegalStateException("Job " + job.idString() + " was already settled");
        }
        settledByHand = outcome;
        return action.getAsBoolean();
    }
}
