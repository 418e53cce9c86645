package dev.beanstalk.client;

import dev.beanstalk.client.internal.connection.Connector;
import dev.beanstalk.client.internal.connection.ProtocolConnection;
import dev.beanstalk.client.internal.fleet.ServerIds;
import dev.beanstalk.client.internal.protocol.Commands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One connection to beanstalkd with the protocol's own state: the tube that puts go to and the tubes that reserves
 * take from. This is what a worker holds; producers share a {@link BeanstalkClient} instead.
 *
 * <p>Jobs reserved on a connection belong to it: only it can delete, release, bury or touch them, and they return to
 * the ready queue when it closes. Expected outcomes are values: a reserve that times out, a peek or delete of a job
 * that does not exist. A connection that failed is closed; {@link #reconnect()} opens a new one with the same used
 * tube and watch list. Calls are thread-safe and may be pipelined through {@link #async()}, but a blocking reserve
 * holds back every command sent after it until it returns. Interrupting a caller ends its wait with a
 * {@link BeanstalkInterruptedException} and leaves the connection open.
 */
public final class BeanstalkConnection implements AutoCloseable {

    private final Connector connector;
    private final ServerIds ids;
    private final Object stateLock = new Object();
    private final Set<String> watched = new LinkedHashSet<>(List.of("default"));
    private final AsyncBeanstalkConnection async = new AsyncBeanstalkConnection(this);
    private volatile ProtocolConnection connection;
    private volatile boolean closed;

    BeanstalkConnection(Connector connector, ServerIds ids) {
        this.connector = connector;
        this.ids = ids;
        this.connection = connector.connect();
    }

    /** Opens a connection to {@code host:port} with default options. */
    public static BeanstalkConnection open(String host, int port) {
        return open(ConnectionOptions.of(host, port));
    }

    /** Opens a connection to the first of the configured servers that accepts. */
    public static BeanstalkConnection open(ConnectionOptions options) {
        return new BeanstalkConnection(new Connector(options), ServerIds.ONLY);
    }

    /** The same commands, returning futures, pipelined on this connection; replies complete them in order. */
    public AsyncBeanstalkConnection async() {
        return async;
    }

    /** Puts a job into the used tube and returns its id. */
    public long put(byte[] body, JobOptions options) {
        return ids.fleetId(protocol().execute(Commands.put(body, options, connector.options().maxJobSize())));
    }

    /** Puts a job with {@link JobOptions#DEFAULT} into the used tube. */
    public long put(byte[] body) {
        return put(body, JobOptions.DEFAULT);
    }

    /** Makes {@code tube} the target of puts, peeks and kicks; it is created if it does not exist. */
    public void use(String tube) {
        protocol().execute(Commands.use(tube));
    }

    /** The used tube, as the server reports it. */
    public String listTubeUsed() {
        return protocol().execute(Commands.listTubeUsed());
    }

    /** Adds {@code tube} to the tubes reserves take from and returns how many are watched. */
    public int watch(String tube) {
        int count = protocol().execute(Commands.watch(tube));
        watched(tube, true);
        return count;
    }

    /**
     * Removes {@code tube} from the watched tubes and returns how many remain; ignoring an unwatched tube changes
     * nothing.
     *
     * @throws NotIgnoredException if it is the only watched tube
     */
    public int ignore(String tube) {
        int count = protocol().execute(Commands.ignore(tube));
        watched(tube, false);
        return count;
    }

    /** The watched tubes, as the server reports them. */
    public List<String> listTubesWatched() {
        return protocol().execute(Commands.listTubesWatched());
    }

    /** Waits as long as it takes for a job in a watched tube; {@link Reservation.DeadlineSoon} when one held is due. */
    public Reservation reserve() {
        return ids.reservation(protocol().execute(Commands.reserve()));
    }

    /** Waits up to {@code timeout} (whole seconds, rounded up; zero returns at once) for a job in a watched tube. */
    public Reservation reserve(Duration timeout) {
        return ids.reservation(protocol().execute(Commands.reserveWithTimeout(timeout)));
    }

    /** Reserves the job with this id if it is ready, delayed or buried, in any tube, paused or not. */
    public Optional<Job> reserveJob(long id) {
        return ids.job(protocol().execute(Commands.reserveJob(ids.serverJobId(id))));
    }

    /**
     * Deletes a finished job and reserves the next in one write, as a worker's loop does; {@link NextJob#deleted()} is
     * false when the job was no longer this connection's to delete (its TTR ran out), or when the server answered the
     * delete with an error, which {@link NextJob#deleteFailure()} then holds: the reservation is never lost to it.
     */
    public NextJob deleteAndReserve(long id, Duration timeout) {
        Object[] replies = protocol().executePair(Commands.delete(ids.serverJobId(id)),
                Commands.reserveWithTimeout(timeout));
        Reservation next = ids.reservation((Reservation) replies[1]);
        if (replies[0] instanceof BeanstalkServerException error) {
            return new NextJob(false, next, error);
        }
        return new NextJob((Boolean) replies[0], next);
    }

    /**
     * The outcome of {@link #deleteAndReserve(long, Duration)}: whether the old job was deleted, the next one, and the
     * server's error reply to the delete, or null.
     */
    public record NextJob(boolean deleted, Reservation reservation, BeanstalkServerException deleteFailure) {

        public NextJob {
            Objects.requireNonNull(reservation, "reservation");
            if (deleted && deleteFailure != null) {
                throw new IllegalArgumentException("a deleted job has no delete failure, was " + deleteFailure);
            }
        }

        /** An outcome whose delete got a reply, deleted or not. */
        public NextJob(boolean deleted, Reservation reservation) {
            this(deleted, reservation, null);
        }
    }

    /** Deletes a job reserved by this connection, or one that is ready, delayed or buried; false if there is none. */
    public boolean delete(long id) {
        return protocol().execute(Commands.delete(ids.serverJobId(id)));
    }

    /** Puts a job reserved by this connection back, ready or after {@code delay}; false if this connection does not hold it. */
    public boolean release(long id, long priority, Duration delay) {
        return protocol().execute(Commands.release(ids.serverJobId(id), priority, delay));
    }

    /** Buries a job reserved by this connection until it is kicked; false if this connection does not hold it. */
    public boolean bury(long id, long priority) {
        return protocol().execute(Commands.bury(ids.serverJobId(id), priority));
    }

    /** Gives a job reserved by this connection another full TTR; false if this connection does not hold it. */
    public boolean touch(long id) {
        return protocol().execute(Commands.touch(ids.serverJobId(id)));
    }

    /** The job with this id in any tube and state, or empty. */
    public Optional<Job> peek(long id) {
        return ids.job(protocol().execute(Commands.peek(ids.serverJobId(id))));
    }

    /** The next ready job of the used tube (lowest priority, then lowest id), or empty. */
    public Optional<Job> peekReady() {
        return ids.job(protocol().execute(Commands.peekReady()));
    }

    /** The delayed job of the used tube that becomes ready soonest, or empty. */
    public Optional<Job> peekDelayed() {
        return ids.job(protocol().execute(Commands.peekDelayed()));
    }

    /** The oldest buried job of the used tube, or empty. */
    public Optional<Job> peekBuried() {
        return ids.job(protocol().execute(Commands.peekBuried()));
    }

    /** Kicks up to {@code bound} jobs of the used tube: buried ones if it has any, else delayed ones; returns how many. */
    public long kick(long bound) {
        return protocol().execute(Commands.kick(bound));
    }

    /** Makes a buried or delayed job ready, in any tube; false if the job is in neither state. */
    public boolean kickJob(long id) {
        return protocol().execute(Commands.kickJob(ids.serverJobId(id)));
    }

    public Optional<JobStats> statsJob(long id) {
        return ids.stats(protocol().execute(Commands.statsJob(ids.serverJobId(id))));
    }

    /** The tube's statistics, or empty if the tube does not exist. */
    public Optional<TubeStats> statsTube(String tube) {
        return protocol().execute(Commands.statsTube(tube));
    }

    public ServerStats stats() {
        return protocol().execute(Commands.stats());
    }

    /** Every existing tube, in no particular order. */
    public List<String> listTubes() {
        return protocol().execute(Commands.listTubes());
    }

    /** Keeps reserves from taking jobs of {@code tube} for {@code pause}; false if the tube does not exist. */
    public boolean pauseTube(String tube, Duration pause) {
        return protocol().execute(Commands.pauseTube(tube, pause));
    }

    /** The tube this connection puts into, as last set by {@link #use(String)}. */
    public String usedTube() {
        return connection.usedTube();
    }

    /** The tubes this connection reserves from, as last set by {@link #watch(String)} and {@link #ignore(String)}. */
    public List<String> watchedTubes() {
        synchronized (stateLock) {
            return List.copyOf(watched);
        }
    }

    /** Whether the connection is open; after a failure it is not, until {@link #reconnect()}. */
    public boolean isOpen() {
        return !closed && connection.isOpen();
    }

    /**
     * Closes the current socket, if open, and opens a new one with the same used tube and watch list; jobs reserved on
     * the old socket return to the ready queue.
     */
    public void reconnect() {
        if (closed) {
            throw new BeanstalkConnectionException("the connection was closed by its owner");
        }
        String tube = connection.usedTube();
        List<String> tubes = watchedTubes();
        connection.close();
        ProtocolConnection fresh = connector.connect();
        try {
            if (!tube.equals("default")) {
                fresh.execute(Commands.use(tube));
            }
            for (String watch : tubes) {
                fresh.execute(Commands.watch(watch));
            }
            if (!tubes.contains("default")) {
                fresh.execute(Commands.ignore("default"));
            }
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        connection = fresh;
    }

    /** Sends {@code quit} and closes the socket; jobs this connection reserved return to the ready queue. */
    @Override
    public void close() {
        closed = true;
        connection.close();
    }

    ProtocolConnection protocol() {
        return connection;
    }

    ServerIds ids() {
        return ids;
    }

    int maxJobSize() {
        return connector.options().maxJobSize();
    }

    void watched(String tube, boolean watching) {
        synchronized (stateLock) {
            if (watching) {
                watched.add(tube);
            } else if (watched.size() > 1) {
                watched.remove(tube);
            }
        }
    }

    @Override
    public String toString() {
        List<String> tubes = new ArrayList<>(watchedTubes());
        return "BeanstalkConnection[" + connection + ", using " + usedTube() + ", watching " + tubes + "]";
    }
}
