package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.internal.protocol.Command;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * A command on its way to the server or awaiting its reply. It is finished exactly once, whoever completes it and
 * however often: that frees its room in flight and wakes the thread awaiting it. A queued command is either written
 * or cancelled, never both, so a caller that gives up knows whether the server may have run it.
 */
final class Pending<T> extends CompletableFuture<T> {

    private static final int QUEUED = 0;
    private static final int WRITTEN = 1;
    private static final int CANCELLED = 2;
    private static final VarHandle STATE;
    private static final VarHandle FINISHED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(Pending.class, "state", int.class);
            FINISHED = lookup.findVarHandle(Pending.class, "finished", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Command<T> command;
    /** The tube the command must run in (a {@code use} goes first when the connection uses another), or null. */
    final String tube;
    private InFlightLimit room;
    volatile Thread waiter;
    /** Whether nobody waits on a thread for the reply, so the writer must see that something reads it. */
    volatile boolean async;
    /** When the reply is overdue, in {@link System#nanoTime()} terms, if {@link #timed}. */
    volatile long deadline;
    volatile boolean timed;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;
    @SuppressWarnings("unused") // accessed through FINISHED
    private volatile boolean finished;

    Pending(String tube, Command<T> command) {
        this.tube = tube;
        this.command = command;
    }

    /** Makes the command hold a place of {@code room}, taken for it, until it is finished. */
    void holdRoom(InFlightLimit room) {
        this.room = room;
    }

    /** Shares the deadline of {@code other}, as a {@code use} sent for it does. */
    void sameClockAs(Pending<?> other) {
        timed = other.timed;
        deadline = other.deadline;
    }

    /** Starts the reply's clock: {@code timeoutNanos} from now, or no deadline for 0. */
    void startClock(long timeoutNanos) {
        timed = timeoutNanos > 0;
        deadline = System.nanoTime() + timeoutNanos;
    }

    /** Makes the deadline no earlier than that of {@code before}, whose reply must come first. */
    void notBefore(Pending<?> before) {
        if (!before.timed) {
            timed = false;
        } else if (timed && before.deadline - deadline > 0) {
            deadline = before.deadline;
        }
    }

    boolean overdue(long now) {
        return timed && now - deadline > 0;
    }

    /** Claims the command for writing; false if it was cancelled first. */
    boolean markWritten() {
        return STATE.compareAndSet(this, QUEUED, WRITTEN);
    }

    /** Withdraws the command before it is written; false if it was written (or withdrawn) already. */
    boolean withdraw() {
        return STATE.compareAndSet(this, QUEUED, CANCELLED);
    }

    void succeed(T value) {
        complete(value);
        finish();
    }

    void fail(Throwable error) {
        completeExceptionally(error);
        finish();
    }

    private void finish() {
        if (FINISHED.compareAndSet(this, false, true)) {
            if (room != null) {
                room.release();
            }
            Thread thread = waiter;
            if (thread != null && thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }
    }

}
