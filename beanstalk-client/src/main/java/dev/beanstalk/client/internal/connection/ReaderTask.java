package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The reader task of a {@link ProtocolConnection}: reads replies on the reader executor while no caller waits for
 * one, so that asynchronous calls complete; at most one is scheduled at a time.
 */
final class ReaderTask {

    private static final int HAND_OFF_SCAN = 16;

    private final ProtocolConnection connection;
    private final Executor executor;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    ReaderTask(ProtocolConnection connection, Executor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    /** Whether the task is scheduled or reading. */
    boolean isScheduled() {
        return scheduled.get();
    }

    /** After giving up the read lock: wakes a thread waiting further down the queue, or schedules the task. */
    void handOff() {
        if (connection.pending.isEmpty() || connection.failure() != null) {
            return;
        }
        int scanned = 0;
        for (Pending<?> p : connection.pending) {
            Thread waiter = p.waiter;
            if (waiter != null) {
                if (waiter != Thread.currentThread()) {
                    LockSupport.unpark(waiter);
                }
                return;
            }
            if (++scanned == HAND_OFF_SCAN) {
                break;
            }
        }
        schedule();
    }

    void schedule() {
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(drain);
            } catch (RuntimeException e) {
                scheduled.set(false);
                connection.fail(new BeanstalkConnectionException("could not start reading replies: "
                        + e.getMessage(), e));
            }
        }
    }

    private void drain() {
        while (true) {
            connection.readLock.lock();
            try {
                connection.reading.readUntil(null, null, 0);
            } finally {
                connection.readLock.unlock();
            }
            scheduled.set(false);
            if (connection.failure() != null || connection.pending.isEmpty()
                    || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
