package dev.beanstalk.spring.listener;

import dev.beanstalk.client.BeanstalkConnection;
import dev.beanstalk.client.Reservation;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A worker's blocking reserve while it holds no job, which a stop or a pause ends at once by closing the connection:
 * a connection without a job loses nothing when it closes, and any job the reply was bringing goes back to the ready
 * queue.
 */
final class IdleReserve {

    private final Object lock = new Object();
    private BeanstalkConnection waiting;
    private boolean woken;

    /**
     * Reserves on {@code connection}, or throws {@link WokenException} when {@code stopping} already holds or
     * {@link #wake()} ends the wait.
     */
    Reservation reserve(BeanstalkConnection connection, Duration timeout, BooleanSupplier stopping) {
        synchronized (lock) {
            if (stopping.getAsBoolean()) {
                throw new WokenException();
            }
            waiting = connection;
        }
        try {
            return connection.reserve(timeout);
        } finally {
            synchronized (lock) {
                waiting = null;
                if (woken) {
                    woken = false;
                    throw new WokenException();
                }
            }
        }
    }

    /** Ends a reserve in progress by closing its connection; does nothing while the worker is not waiting in one. */
    void wake() {
        synchronized (lock) {
            if (waiting != null && !woken) {
                woken = true;
                waiting.close();
            }
        }
    }

    /** A reserve was ended by {@link #wake()} or not begun for a stop or a pause; the connection must be dropped. */
    static final class WokenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WokenException() {
            super("woken", null, false, false);
        }
    }
}
