package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Up to a fixed number of connections, opened as concurrency needs them, each able to carry many threads' commands at
 * once; a broken one is replaced on its next use, with a doubling pause between failed attempts. Once one connection
 * is found broken, the others that were opened before are replaced on their next use too, since a server restart
 * breaks them all while they still look open: so a caller sees at most one failed call.
 */
public final class ConnectionPool implements AutoCloseable {

    private final Slot[] slots;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();
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
     * An open connection with nothing in flight, opening one while the pool is not full, else a busy one to pipeline
     * on; throws the last failure when no slot can connect.
     */
    public ProtocolConnection acquire() {
        if (closed) {
            throw new BeanstalkConnectionException("the client is closed");
        }
        long current = generation.get();
        for (Slot slot : slots) {
            if (slot.failedIn(current)) {
                generation.compareAndSet(current, current + 1);
                break;
            }
        }
        long required = generation.get();
        BeanstalkConnectionException failure = null;
        for (int pass = 0; pass < 2; pass++) {
            for (Slot slot : slots) {
                if (slot.isOpened() == (pass == 0)) {
                    try {
                        ProtocolConnection connection = slot.connection(required);
                        if (connection.isIdle()) {
                            return connection;
                        }
                    } catch (BeanstalkConnectionException e) {
                        failure = e;
                    }
                }
            }
        }
        int start = Math.floorMod(next.getAndIncrement(), slots.length);
        for (int i = 0; i < slots.length; i++) {
            try {
                return slots[(start + i) % slots.length].connection(required);
            } catch (BeanstalkConnectionException e) {
                failure = e;
            }
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
        private volatile long generation;
        private long nextAttemptNanos;
        private Duration delay;
        private BeanstalkConnectionException lastFailure;

        Slot(Connector connector) {
            this.connector = connector;
            this.delay = connector.options().reconnectDelay();
        }

        /** Whether this slot has opened a connection (which may have failed since). */
        boolean isOpened() {
            return connection != null;
        }

        /** Whether this slot's connection, opened in {@code poolGeneration}, has failed. */
        boolean failedIn(long poolGeneration) {
            ProtocolConnection current = connection;
            return current != null && !current.isOpen() && generation == poolGeneration;
        }

        /** An open connection opened no earlier than {@code poolGeneration}; an older one is closed and replaced. */
        ProtocolConnection connection(long poolGeneration) {
            ProtocolConnection current = connection;
            if (current != null && current.isOpen() && generation >= poolGeneration) {
                return current;
            }
            synchronized (this) {
                current = connection;
                if (current != null && current.isOpen()) {
                    if (generation >= poolGeneration) {
                        return current;
                    }
                    current.closeWhenIdle();
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
                generation = poolGeneration;
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
