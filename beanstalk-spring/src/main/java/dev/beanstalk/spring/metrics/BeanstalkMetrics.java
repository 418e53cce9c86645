package dev.beanstalk.spring.metrics;

import dev.beanstalk.spring.listener.JobOutcome;

/**
 * Receives what the template and the listener containers did, to count and time it; {@link #NONE} records nothing.
 *
 * <p>Implementations are called on the hot path of every put and every job, and must not block or throw.
 */
public interface BeanstalkMetrics {

    BeanstalkMetrics NONE = new BeanstalkMetrics() {
    };

    /** A put into {@code tube} took {@code nanos} and succeeded or failed. */
    default void put(String tube, long nanos, boolean success) {
    }

    /** The listener {@code listenerId} on {@code tube} finished a job with this outcome, its handler taking {@code nanos}. */
    default void handled(String listenerId, String tube, JobOutcome outcome, long nanos) {
    }

    /** A put into {@code tube} registered to run after a commit failed once the transaction had committed. */
    default void putAfterCommitFailed(String tube) {
    }

    /** A worker of the listener {@code listenerId} lost its connection and connected again. */
    default void reconnected(String listenerId) {
    }
}
