package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import java.time.Duration;

/**
 * When a pool may try to connect again: at once while connecting works; after a failure, once the pause has passed,
 * one attempt per pause, the pause doubling up to its maximum. Its methods only read and set the clock, so its lock
 * is never held while connecting.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration delay;
    private long nextAttempt;
    private BeanstalkException lastFailure;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.delay = initial;
    }

    /** Whether a connect may be tried now; after a failure this takes the one attempt of the pause. */
    public synchronized boolean mayAttempt() {
        if (lastFailure == null) {
            return true;
        }
        long now = System.nanoTime();
        if (now - nextAttempt >= 0) {
            nextAttempt = now + delay.toNanos();
            return true;
        }
        return false;
    }

    public synchronized long nanosUntilNextAttempt() {
        return lastFailure == null ? 0 : Math.max(0, nextAttempt - System.nanoTime());
    }

    public synchronized void succeeded() {
        lastFailure = null;
        delay = initial;
    }

    public synchronized void failed(BeanstalkException failure) {
        lastFailure = failure;
        nextAttempt = System.nanoTime() + delay.toNanos();
        delay = delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
    }

    /** The last failure, or null while attempts succeed. */
    public synchronized BeanstalkException lastFailure() {
        return lastFailure;
    }

    /** The failure of a call made during the pause, naming the last connect failure. */
    public synchronized BeanstalkConnectionException failingFast() {
        long left = Math.max(0, nextAttempt - System.nanoTime());
        return new BeanstalkConnectionException("not reconnecting for another " + Duration.ofNanos(left).toMillis()
                + " ms after: " + (lastFailure == null ? "a failure" : lastFailure.getMessage()), lastFailure);
    }
}
