package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.BeanstalkInterruptedException;
import dev.beanstalk.client.BeanstalkTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How callers of a {@link ProtocolConnection} wait, for room in flight and for replies: always within their command's
 * deadline, reading replies themselves when nobody else is, and parked otherwise. An interrupt or an expired
 * deadline withdraws a command not yet written; one written keeps its place, so the stream stays in step.
 */
final class Waits {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ProtocolConnection c;

    Waits(ProtocolConnection connection) {
        this.c = connection;
    }

    /**
     * Waits for room in flight for {@code n} commands, reading replies meanwhile when no reader task does, so that a
     * batch is written on one thread while its replies are read on another.
     */
    void awaitRoom(int n) {
        if (c.room.tryAcquire(n)) {
            return;
        }
        long deadline = System.nanoTime() + c.readTimeoutNanos;
        Thread me = Thread.currentThread();
        c.room.addWaiter(me);
        try {
            while (!c.room.tryAcquire(n)) {
                if (c.failure() != null) {
                    throw new BeanstalkConnectionException("connection to " + c.description() + " is closed: "
                            + c.failure().getMessage(), c.failure());
                }
                if (Thread.interrupted()) {
                    me.interrupt();
                    throw new BeanstalkInterruptedException("interrupted while waiting for room among the "
                            + c.room.max() + " commands in flight to " + c.description() + "; the command was not sent",
                            false);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new BeanstalkTimeoutException("no room among the " + c.room.max() + " commands in flight to "
                            + c.description() + " within " + c.readTimeoutMillis() + " ms; the command was not sent",
                            null);
                }
                if (!c.pending.isEmpty() && !c.readerTask.isScheduled() && c.readLock.tryLock()) {
                    try {
                        c.reading.readUntil(null, c.room::hasRoomFor, n);
                    } finally {
                        c.readLock.unlock();
                    }
                } else {
                    c.writeOut();
                    LockSupport.parkNanos(c, Math.min(left, MAX_PARK_NANOS));
                }
            }
        } finally {
            c.room.removeWaiter(me);
        }
    }

    <T> T await(Pending<T> p) {
        p.waiter = Thread.currentThread();
        while (!p.isDone()) {
            if (Thread.interrupted()) {
                throw interrupted(p);
            }
            long now = System.nanoTime();
            if (p.overdue(now)) {
                timedOut(p);
                break;
            }
            if (c.readLock.tryLock()) {
                try {
                    c.reading.readUntil(p, null, 0);
                } finally {
                    c.readLock.unlock();
                }
                c.readerTask.handOff();
                if (!p.isDone() && c.pending.isEmpty()) {
                    park(p, now);
                }
            } else {
                park(p, now);
            }
        }
        return result(p);
    }

    /** Waits for {@code p} whatever interrupts come; returns whether one came. */
    boolean awaitUninterruptibly(Pending<?> p) {
        boolean interrupted = false;
        while (true) {
            try {
                await(p);
                return interrupted;
            } catch (BeanstalkInterruptedException e) {
                interrupted = true;
                Thread.interrupted();
            } catch (BeanstalkException e) {
                return interrupted;
            }
            if (p.isDone()) {
                return interrupted;
            }
        }
    }

    private void park(Pending<?> p, long now) {
        long nanos = p.timed ? Math.min(p.deadline - now, MAX_PARK_NANOS) : MAX_PARK_NANOS;
        LockSupport.parkNanos(c, Math.max(nanos, 1));
    }

    /**
     * Ends an interrupted wait: a command not yet written is withdrawn; one written keeps its place, and its reply is
     * read and dropped by the reader task. The connection carries on.
     */
    private BeanstalkInterruptedException interrupted(Pending<?> p) {
        Thread.currentThread().interrupt();
        p.waiter = null;
        if (p.withdraw()) {
            BeanstalkInterruptedException e = new BeanstalkInterruptedException("interrupted before " + p.command
                    + " was written to " + c.description() + "; it was not sent", false);
            p.fail(e);
            return e;
        }
        p.async = true;
        c.readerTask.schedule();
        return new BeanstalkInterruptedException("interrupted while waiting for the reply to " + p.command + " from "
                + c.description() + "; it was sent and may have taken effect", true);
    }

    /** Fails an overdue command: withdrawn if not yet written, else the connection is closed, as its stream lags. */
    private void timedOut(Pending<?> p) {
        long millis = TimeUnit.NANOSECONDS.toMillis(c.timeoutNanos(p.command));
        if (p.withdraw()) {
            p.fail(new BeanstalkTimeoutException("could not send " + p.command + " to " + c.description() + " within "
                    + millis + " ms; it was not sent", null));
        } else {
            c.fail(new BeanstalkTimeoutException("no reply to " + p.command + " from " + c.description() + " within "
                    + millis + " ms; the connection was closed", null));
        }
    }

    private static <T> T result(Pending<T> p) {
        try {
            return p.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BeanstalkInterruptedException("interrupted", true);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof BeanstalkTimeoutException e) {
            // a fresh exception of the same type, so the caller's stack shows where it waited
            return new BeanstalkTimeoutException(e.getMessage(), e);
        }
        if (cause instanceof BeanstalkConnectionException e) {
            return new BeanstalkConnectionException(e.getMessage(), e);
        }
        if (cause instanceof RuntimeException e) {
            return e;
        }
        return new BeanstalkException(cause.getMessage(), cause);
    }

}
