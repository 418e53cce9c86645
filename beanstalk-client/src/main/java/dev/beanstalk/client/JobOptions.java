package dev.beanstalk.client;

import dev.beanstalk.client.internal.protocol.Limits;
import java.time.Duration;

/**
 * How a job is put: its priority (lower runs first, 0 to 4294967295), its delay before it becomes ready, and its
 * time-to-run (TTR), after which a reserved job that was neither deleted, released, buried nor touched returns to the
 * ready queue.
 *
 * <p>The protocol counts whole seconds: delays and TTRs with a fraction of a second are rounded up. beanstalkd treats
 * a TTR of 0 as 1 second. {@link #DEFAULT} is what Pheanstalk uses: priority 1024, no delay, 60 seconds TTR.
 */
public record JobOptions(long priority, Duration delay, Duration ttr) {

    public static final long DEFAULT_PRIORITY = 1024;
    public static final Duration DEFAULT_TTR = Duration.ofSeconds(60);
    public static final JobOptions DEFAULT = new JobOptions(DEFAULT_PRIORITY, Duration.ZERO, DEFAULT_TTR);

    public JobOptions {
        Limits.u32("priority", priority);
        Limits.seconds("delay", delay, Limits.MAX_U32);
        Limits.seconds("ttr", ttr, Limits.MAX_U32);
    }

    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public JobOptions withPriority(long priority) {
        return new JobOptions(priority, delay, ttr);
    }

    public JobOptions withDelay(Duration delay) {
        return new JobOptions(priority, delay, ttr);
    }

    public JobOptions withTtr(Duration ttr) {
        return new JobOptions(priority, delay, ttr);
    }

    /** The delay as the protocol sends it: whole seconds, rounded up. */
    public long delaySeconds() {
        return Limits.seconds("delay", delay, Limits.MAX_U32);
    }

    /** The TTR as the protocol sends it: whole seconds, rounded up. */
    public long ttrSeconds() {
        return Limits.seconds("ttr", ttr, Limits.MAX_U32);
    }

    /** Builds {@link JobOptions}, starting from the defaults. */
    public static final class Builder {

        private long priority;
        private Duration delay;
        private Duration ttr;

        private Builder(JobOptions from) {
            this.priority = from.priority;
            this.delay = from.delay;
            this.ttr = from.ttr;
        }

        public Builder priority(long priority) {
            this.priority = priority;
            return this;
        }

        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        public Builder ttr(Duration ttr) {
            this.ttr = ttr;
            return this;
        }

        public JobOptions build() {
            return new JobOptions(priority, delay, ttr);
        }
    }
}
