package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Up to a fixed number of connections, opened as concurrency needs them, each able to carry many threads' commands at
 * once; a broken one is replaced on its next use. Once one connection is found broken, the others that were opened
 * before are replaced on their next use too, since a server restart breaks them all while they still look open: so a
 * caller sees at most one failed call.
 *
 * <p>A call spends at most the connect timeout connecting, in as many attempts as fit; no lock is held while a socket
 * connects. After a failed attempt the pool waits a doubling pause ({@link Backoff}) before the next: meanwhile calls
 * fail at once, unless another connection is open. Once {@link #close()} returns, no connection of the pool is open
 * or opened again.
 */
public final class ConnectionPool implements AutoCloseable {

    private final Connector connector;
    private final Slot[] slots;
    private final Backoff backoff;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();
    private final Set<ProtocolConnection> retired = ConcurrentHashMap.newKeySet();
    private final boolean patient;
    private volatile boolean closed;

    public ConnectionPool(Connector connector, int size) {
        this(connector, size, true);
    }

    /**
     * A pool that, unless {@code patient}, tries to connect at most once per call and never waits out a pause, for a
     * fleet that has other servers to turn to.
     */
    public ConnectionPool(Connector connector, int size, boolean patient) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + size);
        }
        this.connector = connector;
        this.patient = patient;
        this.backoff = new Backoff(connector.options().reconnectDelay(), connector.options().maxReconnectDelay());
        slots = new Slot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new Slot(this);
        }
    }

    /**
     * An open connection with nothing in flight, opening one while the pool is not full, else a busy one to pipeline
     * on; throws when none can be had within the connect timeout, or at once while the pool waits to reconnect.
     */
    public ProtocolConnection acquire() {
        long deadline = System.nanoTime() + connector.options().connectTimeout().toNanos();
        BeanstalkConnectionException failure = null;
        while (true) {
            ensureOpen();
            long required = requiredGeneration();
            Slot vacant = null;
            Slot dialing = null;
            boolean anyOpen = false;
            for (Slot slot : slots) {
                ProtocolConnection connection = slot.usable(required);
                if (connection != null) {
                    if (connection.isIdle()) {
                        return connection;
                    }
                    anyOpen = true;
                } else if (slot.isDialing()) {
                    dialing = slot;
                } else if (vacant == null) {
                    vacant = slot;
                }
            }
            if (vacant != null && backoff.mayAttempt()) {
                try {
                    ProtocolConnection connection = vacant.dial(required, deadline);
                    if (connection != null) {
                        return connection;
                    }
                } catch (BeanstalkConnectionException e) {
                    failure = e;
                }
                continue;
            }
            if (anyOpen) {
                ProtocolConnection busy = busy(required);
                if (busy != null) {
                    return busy;
                }
                continue;
            }
            if (dialing != null) {
                try {
                    dialing.awaitDial(deadline);
                } catch (BeanstalkConnectionException e) {
                    failure = e;
                }
                continue;
            }
            long wait = backoff.nanosUntilNextAttempt();
            if (patient && failure != null && wait - (deadline - System.nanoTime()) < 0) {
                pause(wait);
                continue;
            }
            throw failure != null ? failure : backoff.failingFast();
        }
    }

    public int size() {
        return slots.length;
    }

    @Override
    public void close() {
        closed = true;
        for (Slot slot : slots) {
            slot.close();
        }
        for (ProtocolConnection connection : retired) {
            connection.close();
        }
        retired.clear();
    }

    boolean isClosed() {
        return closed;
    }

    Connector connector() {
        return connector;
    }

    Backoff backoff() {
        return backoff;
    }

    void retire(ProtocolConnection connection) {
        retired.removeIf(old -> !old.isOpen());
        if (connection.isOpen()) {
            retired.add(connection);
            connection.closeWhenIdle();
        }
        if (closed) {
            connection.close();
        }
    }

    void ensureOpen() {
        if (closed) {
            throw new BeanstalkConnectionException("the client is closed");
        }
    }

    /** The generation a connection must have been opened in; bumped once a connection of the current one fails. */
    private long requiredGeneration() {
        long current = generation.get();
        for (Slot slot : slots) {
            if (slot.failedIn(current)) {
                generation.compareAndSet(current, current + 1);
                break;
            }
        }
        return generation.get();
    }

    private ProtocolConnection busy(long required) {
        int start = Math.floorMod(next.getAndIncrement(), slots.length);
        for (int i = 0; i < slots.length; i++) {
            ProtocolConnection connection = slots[(start + i) % slots.length].usable(required);
            if (connection != null) {
                return connection;
            }
        }
        return null;
    }

    private static void pause(long nanos) {
        LockSupport.parkNanos(Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1)));
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new BeanstalkConnectionException("interrupted while waiting to reconnect");
        }
    }
}
