package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.internal.protocol.Command;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/** A command written to the server whose reply has not been read yet; it wakes the thread awaiting it on completion. */
final class Pending<T> extends CompletableFuture<T> {

    final Command<T> command;
    volatile Thread waiter;

    Pending(Command<T> command) {
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
