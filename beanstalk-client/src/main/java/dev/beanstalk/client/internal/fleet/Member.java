package dev.beanstalk.client.internal.fleet;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.DrainingException;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.internal.connection.Backoff;
import dev.beanstalk.client.internal.connection.ConnectionPool;
import dev.beanstalk.client.internal.connection.Connector;
import dev.beanstalk.client.internal.protocol.Command;
import java.util.function.Supplier;

/**
 * One server of a fleet: its pool, its ids, and its circuit breaker. A connection error or a {@code DRAINING} reply
 * takes the server out of rotation for a doubling pause; after the pause one call at a time probes it, and the first
 * that succeeds puts it back.
 */
public final class Member {

    private final ServerAddress server;
    private final Connector connector;
    private final ConnectionPool pool;
    private final ServerIds ids;
    private final Backoff breaker;
    private volatile boolean tripped;

    Member(int index, ConnectionOptions fleetOptions, int poolSize, int fleetSize) {
        this.server = fleetOptions.servers().get(index);
        this.connector = new Connector(fleetSize == 1 ? fleetOptions
                : fleetOptions.toBuilder().servers(java.util.List.of(server)).build());
        this.pool = new ConnectionPool(connector, poolSize, fleetSize == 1);
        this.ids = new ServerIds(index, fleetSize);
        this.breaker = new Backoff(fleetOptions.reconnectDelay(), fleetOptions.maxReconnectDelay());
    }

    public ServerAddress server() {
        return server;
    }

    public Connector connector() {
        return connector;
    }

    public ConnectionPool pool() {
        return pool;
    }

    public ServerIds ids() {
        return ids;
    }

    /** Whether the server is in rotation; after a pause this takes its one probe. */
    boolean admits() {
        return !tripped || breaker.mayAttempt();
    }

    /** Whether the server is in rotation, without taking a probe. */
    public boolean inRotation() {
        return !tripped || breaker.nanosUntilNextAttempt() == 0;
    }

    /** The error that took the server out of rotation, or null while it is in. */
    public BeanstalkException lastFailure() {
        return tripped ? breaker.lastFailure() : null;
    }

    /** Runs {@code command} in {@code tube} (or none) on a pooled connection, feeding the breaker its outcome. */
    public <T> T execute(String tube, Command<T> command) {
        return observe(() -> pool.acquire().execute(tube, command));
    }

    <T> T observe(Supplier<T> call) {
        try {
            T result = call.get();
            if (tripped) {
                closed();
            }
            return result;
        } catch (BeanstalkConnectionException | DrainingException e) {
            opened(e);
            throw e;
        }
    }

    void opened(BeanstalkException failure) {
        breaker.failed(failure);
        tripped = true;
    }

    private void closed() {
        breaker.succeeded();
        tripped = false;
    }

    @Override
    public String toString() {
        BeanstalkException failure = lastFailure();
        return server + (failure == null ? "" : " (out of rotation: " + failure.getMessage() + ")");
    }
}
