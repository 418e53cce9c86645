package dev.beanstalk.client;

import dev.beanstalk.client.internal.fleet.Fleet;
import dev.beanstalk.client.internal.fleet.Member;
import dev.beanstalk.client.internal.fleet.TubeWide;
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
import java.util.function.LongFunction;
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
 * <p>Given several servers, the client is a fleet: puts spread over the servers in rotation as its
 * {@link FleetStrategy} says, a put that fails with a connection error or {@code DRAINING} is tried once more on
 * another server, a failing server is skipped for a doubling pause and then probed by one call at a time, and ids
 * carry their server ({@link FleetIds}) so that every id-based call reaches it. Tube-wide calls ask every server and
 * fail if one cannot answer. With one server none of this applies and ids are the server's own.
 *
 * <p>Invalid arguments throw {@link IllegalArgumentException} before anything is sent; expected outcomes (no such job,
 * no such tube) are empty results or {@code false}.
 */
public final class BeanstalkClient implements AutoCloseable {

    /** Connections are opened as concurrency needs them, up to this many by default. */
    public static final int DEFAULT_POOL_SIZE = 8;

    private final ConnectionOptions options;
    private final Fleet fleet;
    private final TubeWide tubeWide;
    private final int poolSize;

    private BeanstalkClient(ConnectionOptions options, int poolSize, FleetStrategy strategy) {
        this.options = options;
        this.poolSize = poolSize;
        this.fleet = new Fleet(options, poolSize, strategy);
        this.tubeWide = new TubeWide(fleet);
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
        return options;
    }

    /** The servers of the fleet, in the order that numbers them in job ids; one for a client of one server. */
    public List<ServerAddress> servers() {
        return fleet.servers();
    }

    /** The index in {@link #servers()} of the server holding the job with this id; 0 for a client of one server. */
    public int serverIndexOf(long id) {
        return fleet.size() == 1 ? 0 : FleetIds.serverIndex(id);
    }

    public FleetStrategy strategy() {
        return fleet.strategy();
    }

    /** Whether the server at this index is in rotation: not skipped after a connection error or {@code DRAINING}. */
    public boolean inRotation(int server) {
        return fleet.member(server).inRotation();
    }

    /**
     * Opens a dedicated connection for a worker, to the first server, in list order, that accepts; the caller closes
     * it. Its job ids are fleet ids, as the client's.
     */
    public BeanstalkConnection openConnection() {
        BeanstalkConnectionException failure = null;
        for (int i = 0; i < fleet.size(); i++) {
            try {
                return openConnection(i);
            } catch (BeanstalkConnectionException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw Objects.requireNonNull(failure);
    }

    /** Opens a dedicated connection to the server at this index of {@link #servers()}, for a worker. */
    public BeanstalkConnection openConnection(int server) {
        Objects.checkIndex(server, fleet.size());
        Member member = fleet.member(server);
        return new BeanstalkConnection(member.connector(), member.ids());
    }

    /** Puts a job into {@code tube} and returns its id. */
    public long put(String tube, byte[] body, JobOptions options) {
        Command<Long> put = Commands.put(body, options, this.options.maxJobSize());
        Limits.tube(tube);
        return fleet.put(tube, put);
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
        Command<Long> put = Commands.put(body, options, this.options.maxJobSize());
        Limits.tube(tube);
        return fleet.putAsync(tube, put);
    }

    /**
     * Puts many jobs into {@code tube} with few writes, all to one server of a fleet, and returns their ids in order.
     * Every body is checked before any is sent; a batch is not tried again elsewhere.
     *
     * @throws BatchPutException when some puts failed: it tells which bodies were inserted, with their ids
     */
    public List<Long> putAll(String tube, List<byte[]> bodies, JobOptions options) {
        Limits.tube(tube);
        Limits.notNull("bodies", bodies);
        List<Command<Long>> puts = new ArrayList<>(bodies.size());
        for (byte[] body : bodies) {
            puts.add(Commands.put(body, options, this.options.maxJobSize()));
        }
        List<CompletableFuture<Long>> results;
        Member member;
        try {
            member = fleet.member(fleet.serverFor(tube));
            results = member.pool().acquire().executeAll(tube, puts);
        } catch (BeanstalkException e) {
            throw new BatchPutException(Map.of(), everyIndex(puts.size(), e));
        }
        return ids(results, member);
    }

    /** The job with this id in any tube and state, or empty. */
    public Optional<Job> peek(long id) {
        Member holder = fleet.holder(id);
        return holder.ids().job(onHolder(holder, id, Commands::peek));
    }

    /** The next ready job of {@code tube}, or empty; in a fleet, that of the first server, in list order, with one. */
    public Optional<Job> peekReady(String tube) {
        return peekIn(tube, Commands.peekReady());
    }

    /** The delayed job of {@code tube} that becomes ready soonest, or empty; in a fleet, as {@link #peekReady}. */
    public Optional<Job> peekDelayed(String tube) {
        return peekIn(tube, Commands.peekDelayed());
    }

    /** The oldest buried job of {@code tube}, or empty; in a fleet, as {@link #peekReady}. */
    public Optional<Job> peekBuried(String tube) {
        return peekIn(tube, Commands.peekBuried());
    }

    /**
     * Kicks up to {@code bound} jobs of {@code tube}: buried ones if it has any, else delayed ones; returns how many.
     * In a fleet each server gets an equal share of the bound, and what some leave unused goes to the others.
     */
    public long kick(String tube, long bound) {
        Command<Long> kick = Commands.kick(bound);
        Limits.tube(tube);
        return fleet.size() == 1 ? fleet.member(0).execute(tube, kick) : tubeWide.kick(tube, bound);
    }

    /** Makes a buried or delayed job ready; false if the job is in neither state. */
    public boolean kickJob(long id) {
        return onHolder(fleet.holder(id), id, Commands::kickJob);
    }

    /** Deletes a job that is ready, delayed or buried; false if there is none (or another connection reserved it). */
    public boolean delete(long id) {
        return onHolder(fleet.holder(id), id, Commands::delete);
    }

    public Optional<JobStats> statsJob(long id) {
        Member holder = fleet.holder(id);
        return holder.ids().stats(onHolder(holder, id, Commands::statsJob));
    }

    /** The tube's statistics, or empty if the tube does not exist; in a fleet, summed over the servers that have it. */
    public Optional<TubeStats> statsTube(String tube) {
        return fleet.size() == 1 ? fleet.member(0).execute(null, Commands.statsTube(tube)) : tubeWide.statsTube(tube);
    }

    /** The tube's statistics on each server that has it, in list order. */
    public Map<ServerAddress, TubeStats> statsTubeByServer(String tube) {
        Commands.statsTube(tube);
        return tubeWide.statsTubeByServer(tube);
    }

    /** The server's statistics; in a fleet, summed as {@link #statsByServer()} would add them up. */
    public ServerStats stats() {
        return fleet.size() == 1 ? fleet.member(0).execute(null, Commands.stats()) : tubeWide.stats();
    }

    /** The statistics of the server at this index of {@link #servers()}. */
    public ServerStats stats(int server) {
        Objects.checkIndex(server, fleet.size());
        return fleet.member(server).execute(null, Commands.stats());
    }

    /** Each server's statistics, in list order. */
    public Map<ServerAddress, ServerStats> statsByServer() {
        return tubeWide.statsByServer();
    }

    /** Every existing tube, in no particular order; in a fleet, those of every server. */
    public List<String> listTubes() {
        return fleet.size() == 1 ? fleet.member(0).execute(null, Commands.listTubes()) : tubeWide.listTubes();
    }

    /**
     * Keeps reserves from taking jobs of {@code tube} for {@code pause}, on every server of a fleet; false if no server
     * has the tube.
     */
    public boolean pauseTube(String tube, Duration pause) {
        Commands.pauseTube(tube, pause);
        return tubeWide.pauseTube(tube, pause);
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
        fleet.close();
    }

    @Override
    public String toString() {
        return "BeanstalkClient[" + fleet.servers() + (fleet.size() == 1 ? "" : ", " + fleet.strategy()) + ", pool of "
                + poolSize + (fleet.size() == 1 ? "" : " per server") + "]";
    }

    private static List<Long> ids(List<CompletableFuture<Long>> results, Member member) {
        List<Long> ids = new ArrayList<>(results.size());
        for (CompletableFuture<Long> result : results) {
            if (result.isCompletedExceptionally()) {
                throw partialFailure(results, member);
            }
            ids.add(member.ids().fleetId(result.join()));
        }
        return ids;
    }

    private static BatchPutException partialFailure(List<CompletableFuture<Long>> results, Member member) {
        Map<Integer, Long> inserted = new HashMap<>();
        Map<Integer, BeanstalkException> failures = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            CompletableFuture<Long> result = results.get(i);
            if (result.isCompletedExceptionally()) {
                failures.put(i, cause(result));
            } else {
                inserted.put(i, member.ids().fleetId(result.join()));
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

    private <T> T onHolder(Member holder, long id, LongFunction<Command<T>> command) {
        return holder.execute(null, command.apply(holder.ids().serverJobId(id)));
    }

    private Optional<Job> peekIn(String tube, Command<Optional<Job>> peek) {
        Limits.tube(tube);
        return fleet.size() == 1 ? fleet.member(0).execute(tube, peek) : tubeWide.peek(tube, peek);
    }

    /** Builds a {@link BeanstalkClient}. */
    public static final class Builder {

        private @Nullable ConnectionOptions options;
        private int poolSize = DEFAULT_POOL_SIZE;
        private FleetStrategy strategy = FleetStrategy.roundRobin();

        private Builder() {
        }

        public Builder options(ConnectionOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Which server of a fleet each put goes to; {@link FleetStrategy#roundRobin()} by default. */
        public Builder strategy(FleetStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** How many connections the client shares among its callers, per server; each carries many calls at once. */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        public BeanstalkClient build() {
            return new BeanstalkClient(options != null ? options : ConnectionOptions.builder().build(), poolSize,
                    strategy);
        }
    }
}
