package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.internal.protocol.Command;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/** A command on its way to the server or awaiting its reply; it wakes the thread awaiting it on completion. */
final class Pending<T> extends CompletableFuture<T> {

    final Command<T> command;
    final String tube;
    volatile Thread waiter;
    /** Whether nobody may wait on this thread for the reply, so the writer must see that something reads it. */
    boolean async;

    /** A command to write in {@code tube} (a {@code use} goes first when the connection uses another), or as it is. */
    Pending(String tube, Command<T> command) {
        this.tube = tube;
        this.command = command;
    }

    void succeed(T value) {
        complete(value);
        wake();
    }

    void fail(Throwable error) {
        completeExceptionally(error);
        wake();
    }

    private void wake() {
        Thread thread = waiter;
        if (thread != null && thread != Thread.currentThread()) {
            LockSupport.unpark(thread);
        }
    }
}
