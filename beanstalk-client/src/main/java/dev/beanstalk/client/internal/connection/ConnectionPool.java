package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Up to a fixed number of connections, opened as concurrency needs them, each able to carry many threads' commands at
 * once; a broken one is replaced on its next use, with a doubling pause between failed attempts.
 */
public final class ConnectionPool implements AutoCloseable {

    private final Slot[] slots;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    public ConnectionPool(Connector connector, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + size);
        }
        slots = new Slot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new Slot(connector);
        }
    }

    /**
     * An open connection, preferring one with nothing in flight so that light concurrency gets a connection per
     * caller and heavier concurrency pipelines; throws the last failure when no slot can connect.
     */
    public ProtocolConnection acquire() {
        if (closed) {
            throw new BeanstalkConnectionException("the client is closed");
        }
        int start = Math.floorMod(next.getAndIncrement(), slots.length);
        ProtocolConnection busy = null;
        BeanstalkConnectionException failure = null;
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[(start + i) % slots.length];
            try {
                ProtocolConnection connection = slot.connection();
                if (connection.isIdle()) {
                    return connection;
                }
                if (busy == null) {
                    busy = connection;
                }
            } catch (BeanstalkConnectionException e) {
                failure = e;
            }
        }
        if (busy != null) {
            return busy;
        }
        throw failure;
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
    }

    /** One pooled connection and its reconnect state. */
    private static final class Slot {

        private final Connector connector;
        private volatile ProtocolConnection connection;
        private long nextAttemptNanos;
        private Duration delay;
        private BeanstalkConnectionException lastFailure;

        Slot(Connector connector) {
            this.connector = connector;
            this.delay = connector.options().reconnectDelay();
        }

        ProtocolConnection connection() {
            ProtocolConnection current = connection;
            if (current != null && current.isOpen()) {
                return current;
            }
            synchronized (this) {
                current = connection;
                if (current != null && current.isOpen()) {
                    return current;
                }
                long now = System.nanoTime();
                if (lastFailure != null && now - nextAttemptNanos < 0) {
                    throw new BeanstalkConnectionException("not reconnecting for another "
                            + Duration.ofNanos(nextAttemptNanos - now).toMillis() + " ms after: "
                            + lastFailure.getMessage(), lastFailure);
                }
                try {
                    current = connector.connect();
                } catch (BeanstalkConnectionException e) {
                    lastFailure = e;
                    nextAttemptNanos = now + delay.toNanos();
                    Duration max = connector.options().maxReconnectDelay();
                    delay = delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
                    throw e;
                }
                connection = current;
                lastFailure = null;
                delay = connector.options().reconnectDelay();
                return current;
            }
        }

        synchronized void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
