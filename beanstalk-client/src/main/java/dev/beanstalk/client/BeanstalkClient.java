package dev.beanstalk.client;

import dev.beanstalk.client.internal.connection.ConnectionPool;
import dev.beanstalk.client.internal.connection.Connector;
import dev.beanstalk.client.internal.protocol.Command;
import dev.beanstalk.client.internal.protocol.Commands;
import dev.beanstalk.client.internal.protocol.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe beanstalkd client for producers and administration, over a small pool of shared connections.
 *
 * <p>Every call names its tube, so no caller depends on another's {@code use}. A call takes a pooled connection with
 * nothing in flight, opening one if the pool is not full; when all are busy, calls share them, their commands in
 * flight together. A connection that breaks fails only the calls in flight on it and is
 * replaced on next use, with a growing pause while the server cannot be reached. Workers that reserve jobs hold their
 * own {@link BeanstalkConnection}, from {@link #openConnection()}.
 *
 * <p>Invalid arguments throw {@link IllegalArgumentException} before anything is sent; expected outcomes (no such job,
 * no such tube) are empty results or {@code false}.
 */
public final class BeanstalkClient implements AutoCloseable {

    /** Connections are opened as concurrency needs them, up to this many by default. */
    public static final int DEFAULT_POOL_SIZE = 8;

    private final Connector connector;
    private final ConnectionPool pool;

    private BeanstalkClient(ConnectionOptions options, int poolSize) {
        this.connector = new Connector(options);
        this.pool = new ConnectionPool(connector, poolSize);
    }

    /** A client of the server at {@code host:port}, with default options. */
    public static BeanstalkClient create(String host, int port) {
        return builder().options(ConnectionOptions.of(host, port)).build();
    }

    /** A client with these connection options and the default pool size. */
    public static BeanstalkClient create(ConnectionOptions options) {
        return builder().options(options).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ConnectionOptions options() {
        return connector.options();
    }

    /** Opens a dedicated connection with this client's options, for a worker; the caller closes it. */
    public BeanstalkConnection openConnection() {
        return new BeanstalkConnection(connector);
    }

    /** Puts a job into {@code tube} and returns its id. */
    public long put(String tube, byte[] body, JobOptions options) {
        return inTube(tube, Commands.put(body, options, connector.options().maxJobSize()));
    }

    /** Puts a job with {@link JobOptions#DEFAULT} into {@code tube}. */
    public long put(String tube, byte[] body) {
        return put(tube, body, JobOptions.DEFAULT);
    }

    /**
     * Puts a job without waiting; the future completes with its id, or fails with whatever went wrong at run time,
     * connecting included. It completes on the thread that reads the reply (a caller reading ahead or a
     * {@code beanstalk-reader} daemon thread), never on the client's deadline sweeper; stages that block should run on
     * an executor of their own. Invalid arguments throw at once.
     */
    public CompletableFuture<Long> putAsync(String tube, byte[] body, JobOptions options) {
        Command<Long> put = Commands.put(body, options, connector.options().maxJobSize());
        Limits.tube(tube);
        try {
            return pool.acquire().executeAsync(tube, put);
        } catch (BeanstalkException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Puts many jobs into {@code tube} with few writes and returns their ids in order. Every body is checked before
     * any is sent.
     *
     * @throws BatchPutException when some puts failed: it tells which bodies were inserted, with their ids
     */
    public List<Long> putAll(String tube, List<byte[]> bodies, JobOptions options) {
        Limits.tube(tube);
        Limits.notNull("bodies", bodies);
        List<Command<Long>> puts = new ArrayList<>(bodies.size());
        for (byte[] body : bodies) {
            puts.add(Commands.put(body, options, connector.options().maxJobSize()));
        }
        List<CompletableFuture<Long>> results;
        try {
            results = pool.acquire().executeAll(tube, puts);
        } catch (BeanstalkException e) {
            throw new BatchPutException(Map.of(), everyIndex(puts.size(), e));
        }
        return ids(results);
    }

    /** The job with this id in any tube and state, or empty. */
    public Optional<Job> peek(long id) {
        return execute(Commands.peek(id));
    }

    /** The next ready job of {@code tube}, or empty. */
    public Optional<Job> peekReady(String tube) {
        return inTube(tube, Commands.peekReady());
    }

    /** The delayed job of {@code tube} that becomes ready soonest, or empty. */
    public Optional<Job> peekDelayed(String tube) {
        return inTube(tube, Commands.peekDelayed());
    }

    /** The oldest buried job of {@code tube}, or empty. */
    public Optional<Job> peekBuried(String tube) {
        return inTube(tube, Commands.peekBuried());
    }

    /** Kicks up to {@code bound} jobs of {@code tube}: buried ones if it has any, else delayed ones; returns how many. */
    public long kick(String tube, long bound) {
        return inTube(tube, Commands.kick(bound));
    }

    /** Makes a buried or delayed job ready; false if the job is in neither state. */
    public boolean kickJob(long id) {
        return execute(Commands.kickJob(id));
    }

    /** Deletes a job that is ready, delayed or buried; false if there is none (or another connection reserved it). */
    public boolean delete(long id) {
        return execute(Commands.delete(id));
    }

    public Optional<JobStats> statsJob(long id) {
        return execute(Commands.statsJob(id));
    }

    /** The tube's statistics, or empty if the tube does not exist. */
    public Optional<TubeStats> statsTube(String tube) {
        return execute(Commands.statsTube(tube));
    }

    public ServerStats stats() {
        return execute(Commands.stats());
    }

    /** Every existing tube, in no particular order. */
    public List<String> listTubes() {
        return execute(Commands.listTubes());
    }

    /** Keeps reserves from taking jobs of {@code tube} for {@code pause}; false if the tube does not exist. */
    public boolean pauseTube(String tube, Duration pause) {
        return execute(Commands.pauseTube(tube, pause));
    }

    /** Ends a pause of {@code tube} now; false if the tube does not exist. */
    public boolean resumeTube(String tube) {
        return pauseTube(tube, Duration.ZERO);
    }

    /**
     * Closes every pooled connection; calls in flight fail and later calls throw. Once it returns, no socket of this
     * client is open or opened again; the daemon threads {@code beanstalk-io-deadlines} and {@code beanstalk-reader-N}
     * are shared by every client of the JVM (reader threads end after a minute idle).
     */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "BeanstalkClient[" + connector.options().servers() + ", pool of " + pool.size() + "]";
    }

    private static List<Long> ids(List<CompletableFuture<Long>> results) {
        List<Long> ids = new ArrayList<>(results.size());
        for (CompletableFuture<Long> result : results) {
            if (result.isCompletedExceptionally()) {
                throw partialFailure(results);
            }
            ids.add(result.join());
        }
        return ids;
    }

    private static BatchPutException partialFailure(List<CompletableFuture<Long>> results) {
        Map<Integer, Long> inserted = new HashMap<>();
        Map<Integer, BeanstalkException> failures = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            CompletableFuture<Long> result = results.get(i);
            if (result.isCompletedExceptionally()) {
                failures.put(i, cause(result));
            } else {
                inserted.put(i, result.join());
            }
        }
        return new BatchPutException(inserted, failures);
    }

    private static BeanstalkException cause(CompletableFuture<Long> failed) {
        try {
            failed.join();
            throw new IllegalStateException("not failed: " + failed);
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return cause instanceof BeanstalkException b ? b : new BeanstalkException(cause.toString(), cause);
        }
    }

    private static Map<Integer, BeanstalkException> everyIndex(int size, BeanstalkException e) {
        Map<Integer, BeanstalkException> failures = new HashMap<>();
        for (int i = 0; i < size; i++) {
            failures.put(i, e);
        }
        return failures;
    }

    private <T> T execute(Command<T> command) {
        return pool.acquire().execute(command);
    }

    private <T> T inTube(String tube, Command<T> command) {
        Limits.tube(tube);
        return pool.acquire().execute(tube, command);
    }

    /** Builds a {@link BeanstalkClient}. */
    public static final class Builder {

        private @Nullable ConnectionOptions options;
        private int poolSize = DEFAULT_POOL_SIZE;

        private Builder() {
        }

        public Builder options(ConnectionOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** How many connections the client shares among its callers; each carries many calls at once. */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        public BeanstalkClient build() {
            return new BeanstalkClient(options != null ? options : ConnectionOptions.builder().build(), poolSize);
        }
    }
}
