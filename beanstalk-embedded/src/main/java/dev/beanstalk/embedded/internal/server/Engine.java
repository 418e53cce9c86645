package dev.beanstalk.embedded.internal.server;

import dev.beanstalk.embedded.internal.binlog.Binlog;
import dev.beanstalk.embedded.internal.queue.Tube;

/**
 * One server, a port of beanstalkd 1.12's {@code prot.c} and {@code conn.c}, as the event loop sees it: connections
 * open, send bytes, hang up and close, and time passes. Not thread-safe: the event loop calls it from its one
 * thread, as beanstalkd runs everything on one thread. Within, {@link Protocol} reads commands, {@link Commands}
 * carries them out on the {@link Queue} of jobs and tubes, {@link Timers} keeps time, {@link Replies} answers, and
 * {@link StatsFormat} reports.
 */
public final class Engine {

    /** Replies pending stop the reading of further commands: each reply is written before the next command runs, as in beanstalkd. */
    static final int OUTPUT_LIMIT = 1;

    private final ServerInfo info;
    private final Binlog binlog;
    private final long maxJobSize;
    private final Clock clock = new Clock();
    private final Counters counters = new Counters();
    private final Replies replies = new Replies();
    private final Queue queue;
    private final Timers timers;
    private final Protocol protocol;
    private final long startedAt;
    private volatile boolean draining;

    public Engine(ServerInfo info, long maxJobSize, Binlog binlog) {
        this.info = info;
        this.maxJobSize = maxJobSize;
        this.binlog = binlog;
        this.queue = new Queue(binlog, clock, counters, replies, maxJobSize);
        this.timers = new Timers(queue, clock, counters, replies);
        queue.timers(timers);
        Commands commands = new Commands(this, queue, timers, replies, counters, binlog, clock);
        this.protocol = new Protocol(this, queue, timers, commands, replies, counters, binlog, clock, maxJobSize);
        this.startedAt = clock.now();
        queue.replay();
    }

    /** Wall-clock nanoseconds, read from the monotonic clock so deadlines never jump. */
    public long now() {
        return clock.now();
    }

    /** Enters drain mode: every later put is answered DRAINING. Safe from any thread. */
    public void drain() {
        draining = true;
    }

    public boolean isDraining() {
        return draining;
    }

    public Client accept() {
        Client c = new Client();
        Tube t = queue.defaultTube;
        c.watch.append(t);
        queue.onWatch(t);
        c.use = t;
        t.refs++;
        t.usingCount++;
        counters.currentConnections++;
        counters.totalConnections++;
        return c;
    }

    /** The next connection with new replies or a changed state, or {@code null}. */
    public Client pollDirty() {
        return replies.poll();
    }

    /** The peer will send no more: a connection blocked in a reserve gets TIMED_OUT, as on a half-close. */
    public void endOfInput(Client c) {
        c.eof = true;
        if (c.state == Client.State.WAIT) {
            c.pendingTimeout = -1;
            queue.removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            replies.reply(c, Replies.TIMED_OUT);
        }
        replies.markDirty(c);
    }

    /** beanstalkd's {@code connclose}: reserved jobs go back to ready, watched and used tubes are released. */
    public void close(Client c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        if (c.inJob != null) {
            queue.jobs.remove(c.inJob);
            queue.releaseTube(c.inJob.tube);
            c.inJob = null;
        }
        if (c.producer) {
            counters.currentProducers--;
        }
        if (c.worker) {
            counters.currentWorkers--;
        }
        counters.currentConnections--;
        queue.removeWaiting(c);
        if (!c.reserved.isEmpty()) {
            queue.enqueueReservedJobs(c);
        }
        while (!c.watch.isEmpty()) {
            Tube t = c.watch.get(0);
            c.watch.remove(t);
            queue.onIgnore(t);
        }
        c.use.usingCount--;
        queue.releaseTube(c.use);
        timers.remove(c);
    }

    /** Runs the input state machine over the bytes {@code c} has received, as far as they and its state allow. */
    public void process(Client c) {
        protocol.process(c);
    }

    /** Runs what is due; returns the nanoseconds until the next timed event. */
    public long tick() {
        return timers.tick();
    }

    ServerInfo info() {
        return info;
    }

    Binlog binlog() {
        return binlog;
    }

    long maxJobSize() {
        return maxJobSize;
    }

    long uptimeSeconds() {
        return (clock.now() - startedAt) / Timers.SECOND;
    }

    int tubeCount() {
        return queue.tubeCount();
    }

    long delayedCount() {
        return queue.delayedCount();
    }
}
