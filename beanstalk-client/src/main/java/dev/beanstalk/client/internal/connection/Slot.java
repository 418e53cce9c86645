package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One place of a {@link ConnectionPool}: its connection, and the one attempt at a time to open a new one, made with
 * no lock held, which other callers may wait for and {@link #close()} aborts.
 */
final class Slot {

    private final ConnectionPool pool;
    private final AtomicReference<CompletableFuture<ProtocolConnection>> dial = new AtomicReference<>();
    private volatile Socket dialing;
    private volatile ProtocolConnection connection;
    private volatile long generation;

    Slot(ConnectionPool pool) {
        this.pool = pool;
    }

    /** The slot's open connection if it was opened no earlier than {@code required}, else null. */
    ProtocolConnection usable(long required) {
        ProtocolConnection current = connection;
        return current != null && current.isOpen() && generation >= required ? current : null;
    }

    /** Whether this slot's connection, opened in {@code poolGeneration}, has failed. */
    boolean failedIn(long poolGeneration) {
        ProtocolConnection current = connection;
        return current != null && !current.isOpen() && generation == poolGeneration;
    }

    boolean isDialing() {
        return dial.get() != null;
    }

    /** Opens a connection before {@code deadline} and installs it; null when another caller is opening one already. */
    ProtocolConnection dial(long required, long deadline) {
        CompletableFuture<ProtocolConnection> attempt = new CompletableFuture<>();
        if (!dial.compareAndSet(null, attempt)) {
            return null;
        }
        try {
            ProtocolConnection opened = pool.connector().connect(deadline, this::dialing);
            install(opened, required);
            pool.backoff().succeeded();
            attempt.complete(opened);
            return opened;
        } catch (BeanstalkConnectionException e) {
            BeanstalkConnectionException failure = pool.isClosed()
                    ? new BeanstalkConnectionException("the client is closed", e) : e;
            if (!pool.isClosed()) {
                pool.backoff().failed(failure);
            }
            attempt.completeExceptionally(failure);
            throw failure;
        } finally {
            dialing = null;
            dial.set(null);
        }
    }

    /** Waits until another caller's attempt ends, at most until {@code deadline}; throws its failure. */
    void awaitDial(long deadline) {
        CompletableFuture<ProtocolConnection> attempt = dial.get();
        if (attempt == null) {
            return;
        }
        try {
            attempt.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw (BeanstalkConnectionException) e.getCause();
        } catch (TimeoutException e) {
            throw new BeanstalkConnectionException("no connection could be opened within the connect timeout of "
                    + pool.connector().options().connectTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BeanstalkConnectionException("interrupted while waiting for a connection to open");
        }
    }

    /** Closes the slot's connection and aborts an attempt in progress, waiting until it has ended. */
    void close() {
        Socket socket = dialing;
        if (socket != null) {
            closeQuietly(socket);
        }
        CompletableFuture<ProtocolConnection> attempt = dial.get();
        if (attempt != null) {
            try {
                attempt.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // it ended, or will find the pool closed
            }
        }
        synchronized (this) {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private void dialing(Socket socket) {
        dialing = socket;
        if (pool.isClosed()) {
            throw new BeanstalkConnectionException("the client is closed");
        }
    }

    private void install(ProtocolConnection opened, long required) {
        ProtocolConnection old;
        synchronized (this) {
            if (pool.isClosed()) {
                opened.close();
                throw new BeanstalkConnectionException("the client is closed");
            }
            old = connection;
            connection = opened;
            generation = required;
        }
        if (old != null) {
            pool.retire(old);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
