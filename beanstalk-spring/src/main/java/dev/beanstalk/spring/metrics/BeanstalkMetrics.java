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

    /** The {@code server} of a failed put, which no server acknowledged. */
    String UNKNOWN_SERVER = "unknown";

    /** A put into {@code tube} took {@code nanos} and succeeded or failed. */
    default void put(String tube, long nanos, boolean success) {
    }

    /** The listener {@code listenerId} on {@code tube} finished a job with this outcome, its handler taking {@code nanos}. */
    default void handled(String listenerId, String tube, JobOutcome outcome, long nanos) {
    }

    /**
     * A put into {@code tube} on {@code server} ({@code host:port}, or {@value #UNKNOWN_SERVER} when it failed) took
     * {@code nanos} and succeeded or failed; by default recorded as {@link #put(String, long, boolean)}.
     */
    default void put(String tube, String server, long nanos, boolean success) {
        put(tube, nanos, success);
    }

    /** As {@link #handled(String, String, JobOutcome, long)}, for a job of {@code server} ({@code host:port}). */
    default void handled(String listenerId, String tube, String server, JobOutcome outcome, long nanos) {
        handled(listenerId, tube, outcome, nanos);
    }

    /** As {@link #reconnected(String)}, for a worker of {@code server} ({@code host:port}). */
    default void reconnected(String listenerId, String server) {
        reconnected(listenerId);
    }

    /** A put into {@code tube} registered to run after a commit failed once the transaction had committed. */
    default void putAfterCommitFailed(String tube) {
    }

    /** A worker of the listener {@code listenerId} lost its connection and connected again. */
    default void reconnected(String listenerId) {
    }
}
