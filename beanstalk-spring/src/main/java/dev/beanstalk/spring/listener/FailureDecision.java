package dev.beanstalk.spring.listener;

import dev.beanstalk.client.TubeNames;
import java.time.Duration;
import java.util.Objects;

/** What a {@link JobErrorHandler} decided for a failed job; priorities and TTR stay those of the job. */
public sealed interface FailureDecision {

    /** Puts the job back, ready after {@code delay} (beanstalkd counts whole seconds, rounded up). */
    static FailureDecision release(Duration delay) {
        return new Release(delay);
    }

    /** Buries the job until it is kicked. */
    static FailureDecision bury() {
        return new Bury();
    }

    /** Puts the job's body into {@code tube} with its priority and TTR, then deletes the job. */
    static FailureDecision deadLetter(String tube) {
        return new DeadLetter(tube);
    }

    /** Deletes the job: the failure is accepted and the job is dropped. */
    static FailureDecision delete() {
        return new Delete();
    }

    /** Released again after {@code delay}. */
    record Release(Duration delay) implements FailureDecision {
        public Release {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("release delay must not be negative, was " + delay);
            }
        }
    }

    /** Buried. */
    record Bury() implements FailureDecision {
    }

    /** Copied into a dead-letter tube, then deleted. */
    record DeadLetter(String tube) implements FailureDecision {
        public DeadLetter {
            TubeNames.requireValid(tube);
        }
    }

    /** Deleted. */
    record Delete() implements FailureDecision {
    }
}
