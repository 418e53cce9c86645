package dev.beanstalk.embedded.internal.server;

import dev.beanstalk.embedded.internal.binlog.Binlog;
import dev.beanstalk.embedded.internal.protocol.Arguments;
import dev.beanstalk.embedded.internal.protocol.Op;
import dev.beanstalk.embedded.internal.protocol.ReplyBuffer;
import dev.beanstalk.embedded.internal.protocol.TubeNames;
import dev.beanstalk.embedded.internal.queue.IndexedHeap;
import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import dev.beanstalk.embedded.internal.queue.JobTable;
import dev.beanstalk.embedded.internal.queue.Multiset;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol and the job store of one server, a port of beanstalkd 1.12's {@code prot.c} and {@code conn.c}. Not
 * thread-safe: the event loop calls it from its one thread, as beanstalkd runs everything on one thread.
 */
public final class Engine {

    /** Replies pending stop the reading of further commands: each reply is written before the next command runs, as in beanstalkd. */
    static final int OUTPUT_LIMIT = 1;

    private static final int LINE_BUF_SIZE = 224;
    private static final long SAFETY_MARGIN = 1_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long ONE_HOUR = 3_600_000_000_000L;

    private static final byte[] NOT_FOUND = ascii("NOT_FOUND\r\n");
    private static final byte[] DEADLINE_SOON = ascii("DEADLINE_SOON\r\n");
    private static final byte[] TIMED_OUT = ascii("TIMED_OUT\r\n");
    private static final byte[] DELETED = ascii("DELETED\r\n");
    private static final byte[] RELEASED = ascii("RELEASED\r\n");
    private static final byte[] BURIED = ascii("BURIED\r\n");
    private static final byte[] KICKED = ascii("KICKED\r\n");
    private static final byte[] TOUCHED = ascii("TOUCHED\r\n");
    private static final byte[] PAUSED = ascii("PAUSED\r\n");
    private static final byte[] NOT_IGNORED = ascii("NOT_IGNORED\r\n");
    private static final byte[] INTERNAL_ERROR = ascii("INTERNAL_ERROR\r\n");
    private static final byte[] DRAINING = ascii("DRAINING\r\n");
    private static final byte[] OUT_OF_MEMORY = ascii("OUT_OF_MEMORY\r\n");
    private static final byte[] BAD_FORMAT = ascii("BAD_FORMAT\r\n");
    private static final byte[] UNKNOWN_COMMAND = ascii("UNKNOWN_COMMAND\r\n");
    private static final byte[] EXPECTED_CRLF = ascii("EXPECTED_CRLF\r\n");
    private static final byte[] JOB_TOO_BIG = ascii("JOB_TOO_BIG\r\n");
    private static final byte[] INSERTED_ = ascii("INSERTED ");
    private static final byte[] BURIED_ = ascii("BURIED ");
    private static final byte[] RESERVED_ = ascii("RESERVED ");
    private static final byte[] FOUND_ = ascii("FOUND ");
    private static final byte[] USING_ = ascii("USING ");
    private static final byte[] WATCHING_ = ascii("WATCHING ");
    private static final byte[] KICKED_ = ascii("KICKED ");

    private final ServerInfo info;
    private final Binlog binlog;
    private final long maxJobSize;
    private final long startedAt;
    private final long clockOffset;
    private final Multiset<Tube> tubes = new Multiset<>();
    private final Map<String, Tube> tubesByName = new HashMap<>();
    private final Tube defaultTube;
    private final JobTable jobs = new JobTable();
    private final IndexedHeap<Client> timers = new IndexedHeap<>((a, b) -> Long.compare(a.tickAt, b.tickAt));
    private final ArrayDeque<Client> dirty = new ArrayDeque<>();
    private final Counters counters = new Counters();
    private long nextId = 1;
    private long reserveSeq;
    private volatile boolean draining;

    public Engine(ServerInfo info, long maxJobSize, Binlog binlog) {
        this.info = info;
        this.maxJobSize = maxJobSize;
        this.binlog = binlog;
        this.clockOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        this.startedAt = now();
        this.defaultTube = findOrMakeTube("default");
        defaultTube.refs++;
        replay();
    }

    /** Wall-clock nanoseconds, read from the monotonic clock so deadlines never jump. */
    public long now() {
        return System.nanoTime() + clockOffset;
    }

    /** Enters drain mode: every later put is answered DRAINING. Safe from any thread. */
    public void drain() {
        draining = true;
    }

    public boolean isDraining() {
        return draining;
    }

    // ---------------------------------------------------------------------------------------------- connections

    public Client accept() {
        Client c = new Client();
        c.watch.append(defaultTube);
        onWatch(defaultTube);
        c.use = defaultTube;
        defaultTube.refs++;
        defaultTube.usingCount++;
        counters.currentConnections++;
        counters.totalConnections++;
        return c;
    }

    /** The next connection with new replies or a changed state, or {@code null}. */
    public Client pollDirty() {
        Client c = dirty.poll();
        if (c != null) {
            c.dirty = false;
        }
        return c;
    }

    /** The peer will send no more: a connection blocked in a reserve gets TIMED_OUT, as on a half-close. */
    public void endOfInput(Client c) {
        c.eof = true;
        if (c.state == Client.State.WAIT) {
            c.pendingTimeout = -1;
            removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            reply(c, TIMED_OUT);
        }
        markDirty(c);
    }

    /** beanstalkd's {@code connclose}: reserved jobs go back to ready, watched and used tubes are released. */
    public void close(Client c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        if (c.inJob != null) {
            jobs.remove(c.inJob);
            releaseTube(c.inJob.tube);
            c.inJob = null;
        }
        if (c.producer) {
            counters.currentProducers--;
        }
        if (c.worker) {
            counters.currentWorkers--;
        }
        counters.currentConnections--;
        removeWaiting(c);
        if (!c.reserved.isEmpty()) {
            enqueueReservedJobs(c);
        }
        while (!c.watch.isEmpty()) {
            Tube t = c.watch.get(0);
            c.watch.remove(t);
            onIgnore(t);
        }
        c.use.usingCount--;
        releaseTube(c.use);
        if (c.scheduled) {
            timers.remove(c);
            c.scheduled = false;
        }
    }

    // ---------------------------------------------------------------------------------------------- input

    /** Runs the input state machine over the bytes {@code c} has received, as far as they and its state allow. */
    public void process(Client c) {
        byte[] in = c.input();
        while (!c.closed && c.out.pending() < OUTPUT_LIMIT) {
            int available = c.available();
            switch (c.state) {
                case WANT_COMMAND: {
                    if (available == 0) {
                        return;
                    }
                    int length = scanLineEnd(in, c.inStart, Math.min(available, LINE_BUF_SIZE));
                    if (length > 0) {
                        int start = c.inStart;
                        c.inStart += length;
                        dispatch(c, in, start, start + length - 2);
                        schedule(c);
                    } else if (available >= LINE_BUF_SIZE) {
                        c.inStart += LINE_BUF_SIZE;
                        c.state = Client.State.WANT_ENDLINE;
                    } else {
                        return;
                    }
                    break;
                }
                case WANT_ENDLINE: {
                    if (available == 0) {
                        return;
                    }
                    int length = scanLineEnd(in, c.inStart, Math.min(available, LINE_BUF_SIZE));
                    if (length > 0) {
                        c.inStart += length;
                        c.state = Client.State.WANT_COMMAND;
                        reply(c, BAD_FORMAT);
                    } else if (available >= LINE_BUF_SIZE) {
                        c.inStart += LINE_BUF_SIZE;
                    } else {
                        return;
                    }
                    break;
                }
                case WANT_DATA: {
                    Job j = c.inJob;
                    int n = Math.min(available, j.body.length - c.inJobRead);
                    System.arraycopy(in, c.inStart, j.body, c.inJobRead, n);
                    c.inStart += n;
                    c.inJobRead += n;
                    if (c.inJobRead < j.body.length) {
                        return;
                    }
                    c.state = Client.State.WANT_COMMAND;
                    enqueueIncomingJob(c);
                    schedule(c);
                    break;
                }
                case BITBUCKET: {
                    long n = Math.min(available, c.discardRemaining);
                    c.inStart += (int) n;
                    c.discardRemaining -= n;
                    if (c.discardRemaining > 0) {
                        return;
                    }
                    c.state = Client.State.WANT_COMMAND;
                    reply(c, c.deferredReply);
                    c.deferredReply = null;
                    break;
                }
                default:
                    return;
            }
        }
    }

    /** beanstalkd's {@code scan_line_end}: only the first CR counts, and it must be followed by LF. */
    private static int scanLineEnd(byte[] buffer, int from, int size) {
        for (int i = from, end = from + size - 1; i < end; i++) {
            if (buffer[i] == '\r') {
                return buffer[i + 1] == '\n' ? i - from + 2 : 0;
            }
        }
        return 0;
    }

    private void dispatch(Client c, byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == 0) {
                reply(c, BAD_FORMAT);
                return;
            }
        }
        Op op = Op.recognize(line, from, to);
        Arguments args = c.arguments.reset(line, from + op.prefixLength(), to);
        int length = to - from;
        switch (op) {
            case PUT -> put(c, args);
            case PEEK_READY, PEEK_DELAYED, PEEK_BURIED -> {
                if (length != op.prefixLength()) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                Job j = switch (op) {
                    case PEEK_READY -> c.use.ready.peek();
                    case PEEK_DELAYED -> c.use.delayed.peek();
                    default -> c.use.firstBuried();
                };
                replyJobOrNotFound(c, j, FOUND_);
            }
            case PEEK_JOB -> {
                if (!args.readU64(true)) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                replyJobOrNotFound(c, jobs.get(args.value()), FOUND_);
            }
            case RESERVE_WITH_TIMEOUT -> {
                if (!args.readReserveTimeout()) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                reserve(c, op, (int) args.value());
            }
            case RESERVE -> {
                if (length != op.prefixLength()) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                reserve(c, op, -1);
            }
            case RESERVE_JOB -> reserveJob(c, args);
            case DELETE -> delete(c, args);
            case RELEASE -> release(c, args);
            case BURY -> bury(c, args);
            case KICK -> {
                if (!args.readKickBound()) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                long kicked = kickJobs(c.use, args.value());
                c.out.append(KICKED_).appendUnsigned(kicked).crlf();
                markDirty(c);
            }
            case KICK_JOB -> kickJob(c, args);
            case TOUCH -> {
                if (!args.readU64(true)) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                Job j = jobs.get(args.value());
                if (isReservedBy(c, j)) {
                    c.reserved.remove(j);
                    j.deadlineAt = now() + j.ttr;
                    c.reserved.add(j);
                    reply(c, TOUCHED);
                } else {
                    reply(c, NOT_FOUND);
                }
            }
            case STATS -> {
                if (length != op.prefixLength()) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                replyYaml(c, StatsFormat.server(this, counters));
            }
            case STATS_JOB -> {
                if (!args.readU64(true)) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                Job j = jobs.get(args.value());
                if (j == null) {
                    reply(c, NOT_FOUND);
                    return;
                }
                replyYaml(c, StatsFormat.job(j, now()));
            }
            case STATS_TUBE -> {
                String name = validTubeName(line, args.position(), to);
                if (name == null) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                Tube t = tubesByName.get(name);
                if (t == null) {
                    reply(c, NOT_FOUND);
                    return;
                }
                replyYaml(c, StatsFormat.tube(t, now()));
            }
            case LIST_TUBES, LIST_TUBE_USED, LIST_TUBES_WATCHED -> {
                if (length != op.prefixLength()) {
                    reply(c, BAD_FORMAT);
                    return;
                }
                counters.count(op);
                if (op == Op.LIST_TUBE_USED) {
                    c.out.append(USING_).append(c.use.nameBytes).crlf();
                    markDirty(c);
                } else {
                    replyYaml(c, listTubes(op == Op.LIST_TUBES ? tubes : c.watch));
                }
            }
            case USE -> use(c, line, args.position(), to);
            case WATCH -> watch(c, line, args.position(), to);
            case IGNORE -> ignore(c, line, args.position(), to);
            case QUIT -> c.state = Client.State.CLOSE;
            case PAUSE_TUBE -> pauseTube(c, args, line);
            default -> reply(c, UNKNOWN_COMMAND);
        }
    }

    // ---------------------------------------------------------------------------------------------- commands

    private void put(Client c, Arguments args) {
        if (!args.readU32(false)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long pri = args.value();
        if (!args.readU32(false)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long delay = args.value() * SECOND;
        if (!args.readU32(false)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long ttr = args.value() * SECOND;
        if (!args.readU32(false)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long bodySize = args.value();
        counters.count(Op.PUT);
        if (bodySize > maxJobSize) {
            skip(c, bodySize + 2, JOB_TOO_BIG);
            return;
        }
        if (!args.atEnd()) {
            reply(c, BAD_FORMAT);
            return;
        }
        if (!c.producer) {
            c.producer = true;
            counters.currentProducers++;
        }
        if (ttr < SECOND) {
            ttr = SECOND;
        }
        Job j = new Job(nextId++, c.use, pri, delay, ttr, new byte[(int) bodySize + 2], now());
        c.use.refs++;
        jobs.put(j);
        c.inJob = j;
        c.inJobRead = 0;
        c.state = Client.State.WANT_DATA;
    }

    private void skip(Client c, long count, byte[] message) {
        c.discardRemaining = count;
        c.deferredReply = message;
        c.state = Client.State.BITBUCKET;
    }

    private void enqueueIncomingJob(Client c) {
        Job j = c.inJob;
        c.inJob = null;
        c.inJobRead = 0;
        int n = j.body.length;
        if (j.body[n - 2] != '\r' || j.body[n - 1] != '\n') {
            freeJob(j);
            reply(c, EXPECTED_CRLF);
            return;
        }
        if (draining) {
            freeJob(j);
            reply(c, DRAINING);
            return;
        }
        if (!binlog.reservePut(j)) {
            freeJob(j);
            reply(c, OUT_OF_MEMORY);
            return;
        }
        enqueueJob(j, j.delay, true);
        counters.totalJobs++;
        j.tube.totalJobs++;
        c.out.append(INSERTED_).appendUnsigned(j.id).crlf();
        markDirty(c);
    }

    private void reserve(Client c, Op op, int timeout) {
        counters.count(op);
        if (!c.worker) {
            c.worker = true;
            counters.currentWorkers++;
        }
        if (deadlineSoon(c) && !hasReadyJob(c)) {
            reply(c, DEADLINE_SOON);
            return;
        }
        c.state = Client.State.WAIT;
        c.waiting = true;
        counters.waiting++;
        for (int i = 0; i < c.watch.size(); i++) {
            Tube t = c.watch.get(i);
            t.waitingCount++;
            t.waiting.append(c);
        }
        c.pendingTimeout = timeout;
        schedule(c);
        processQueue();
    }

    private void reserveJob(Client c, Arguments args) {
        if (!args.readU64(true)) {
            reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.RESERVE_JOB);
        Job j = jobs.get(args.value());
        if (j == null || j.state == JobState.RESERVED || j.state == JobState.INVALID) {
            reply(c, NOT_FOUND);
            return;
        }
        switch (j.state) {
            case READY -> removeReady(j);
            case BURIED -> removeBuried(j);
            default -> j.tube.delayed.remove(j);
        }
        if (!c.worker) {
            c.worker = true;
            counters.currentWorkers++;
        }
        counters.reserved++;
        reserveJob(c, j);
    }

    private void delete(Client c, Arguments args) {
        if (!args.readU64(true)) {
            reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.DELETE);
        Job j = jobs.get(args.value());
        if (j == null) {
            reply(c, NOT_FOUND);
            return;
        }
        if (isReservedBy(c, j)) {
            removeReserved(c, j);
        } else if (j.state == JobState.READY) {
            removeReady(j);
        } else if (j.state == JobState.BURIED) {
            removeBuried(j);
        } else if (j.state == JobState.DELAYED) {
            j.tube.delayed.remove(j);
        } else {
            reply(c, NOT_FOUND);
            return;
        }
        j.tube.deleteCount++;
        j.state = JobState.INVALID;
        boolean written = binlog.write(j);
        binlog.maintain();
        freeJob(j);
        reply(c, written ? DELETED : INTERNAL_ERROR);
    }

    private void release(Client c, Arguments args) {
        if (!args.readU64(false)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long id = args.value();
        if (!args.readU32(false)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long pri = args.value();
        if (!args.readU32(true)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long delay = args.value() * SECOND;
        counters.count(Op.RELEASE);
        Job j = jobs.get(id);
        if (!isReservedBy(c, j)) {
            reply(c, NOT_FOUND);
            return;
        }
        if (delay != 0 && !binlog.reserveUpdate(j)) {
            reply(c, OUT_OF_MEMORY);
            return;
        }
        removeReserved(c, j);
        j.pri = pri;
        j.delay = delay;
        j.releases++;
        enqueueJob(j, delay, delay != 0);
        reply(c, RELEASED);
    }

    private void bury(Client c, Arguments args) {
        if (!args.readU64(false)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long id = args.value();
        if (!args.readU32(true)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long pri = args.value();
        counters.count(Op.BURY);
        Job j = jobs.get(id);
        if (!isReservedBy(c, j)) {
            reply(c, NOT_FOUND);
            return;
        }
        if (!binlog.reserveUpdate(j)) {
            reply(c, INTERNAL_ERROR);
            return;
        }
        removeReserved(c, j);
        j.pri = pri;
        reply(c, buryJob(j, true) ? BURIED : INTERNAL_ERROR);
    }

    private void kickJob(Client c, Arguments args) {
        if (!args.readU64(true)) {
            reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.KICK_JOB);
        Job j = jobs.get(args.value());
        if (j != null && (j.state == JobState.BURIED || j.state == JobState.DELAYED)) {
            reply(c, kick(j) ? KICKED : NOT_FOUND);
        } else {
            reply(c, NOT_FOUND);
        }
    }

    private long kickJobs(Tube t, long bound) {
        long kicked = 0;
        if (t.hasBuried()) {
            while (kicked < bound && t.hasBuried() && kick(t.firstBuried())) {
                kicked++;
            }
        } else {
            while (kicked < bound && !t.delayed.isEmpty() && kick(t.delayed.peek())) {
                kicked++;
            }
        }
        return kicked;
    }

    /** Kicks a buried or delayed job to ready; false, and the job stays, when the binlog has no room for it. */
    private boolean kick(Job j) {
        if (!binlog.reserveUpdate(j)) {
            return false;
        }
        if (j.state == JobState.BURIED) {
            removeBuried(j);
        } else {
            j.tube.delayed.remove(j);
        }
        j.kicks++;
        enqueueJob(j, 0, true);
        return true;
    }

    private void use(Client c, byte[] line, int from, int to) {
        String name = validTubeName(line, from, to);
        if (name == null) {
            reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.USE);
        Tube t = findOrMakeTube(name);
        t.refs++;
        c.use.usingCount--;
        Tube old = c.use;
        c.use = t;
        releaseTube(old);
        t.usingCount++;
        c.out.append(USING_).append(t.nameBytes).crlf();
        markDirty(c);
    }

    private void watch(Client c, byte[] line, int from, int to) {
        String name = validTubeName(line, from, to);
        if (name == null) {
            reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.WATCH);
        Tube t = findOrMakeTube(name);
        if (!c.watch.contains(t)) {
            c.watch.append(t);
            onWatch(t);
        }
        c.out.append(WATCHING_).appendUnsigned(c.watch.size()).crlf();
        markDirty(c);
    }

    private void ignore(Client c, byte[] line, int from, int to) {
        String name = validTubeName(line, from, to);
        if (name == null) {
            reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.IGNORE);
        Tube t = null;
        for (int i = 0; i < c.watch.size(); i++) {
            if (c.watch.get(i).name.equals(name)) {
                t = c.watch.get(i);
                break;
            }
        }
        if (t != null && c.watch.size() < 2) {
            reply(c, NOT_IGNORED);
            return;
        }
        if (t != null) {
            c.watch.remove(t);
            onIgnore(t);
        }
        c.out.append(WATCHING_).appendUnsigned(c.watch.size()).crlf();
        markDirty(c);
    }

    private void pauseTube(Client c, Arguments args, byte[] line) {
        if (!args.readTubeName()) {
            reply(c, BAD_FORMAT);
            return;
        }
        int nameStart = (int) args.value();
        int nameEnd = args.position();
        if (!args.readU32(true)) {
            reply(c, BAD_FORMAT);
            return;
        }
        long delay = args.value() * SECOND;
        counters.count(Op.PAUSE_TUBE);
        String name = validTubeName(line, nameStart, nameEnd);
        if (name == null) {
            reply(c, BAD_FORMAT);
            return;
        }
        Tube t = tubesByName.get(name);
        if (t == null) {
            reply(c, NOT_FOUND);
            return;
        }
        if (delay == 0) {
            delay = 1;
        }
        t.unpauseAt = now() + delay;
        t.pause = delay;
        t.pauseCount++;
        reply(c, PAUSED);
    }

    // ---------------------------------------------------------------------------------------------- queues

    private void enqueueJob(Job j, long delay, boolean log) {
        j.reserver = null;
        if (delay != 0) {
            j.deadlineAt = now() + delay;
            j.tube.delayed.add(j);
            j.state = JobState.DELAYED;
        } else {
            j.tube.ready.add(j);
            j.state = JobState.READY;
            counters.ready++;
            if (j.isUrgent()) {
                counters.urgent++;
                j.tube.urgentCount++;
            }
        }
        if (log) {
            binlog.write(j);
            binlog.maintain();
        }
        processQueue();
    }

    private boolean buryJob(Job j, boolean log) {
        j.tube.appendBuried(j);
        counters.buried++;
        j.tube.buriedCount++;
        j.state = JobState.BURIED;
        j.reserver = null;
        j.buries++;
        if (log) {
            boolean written = binlog.write(j);
            binlog.maintain();
            return written;
        }
        return true;
    }

    private void removeReady(Job j) {
        j.tube.ready.remove(j);
        counters.ready--;
        if (j.isUrgent()) {
            counters.urgent--;
            j.tube.urgentCount--;
        }
    }

    private void removeBuried(Job j) {
        j.tube.unlinkBuried(j);
        counters.buried--;
        j.tube.buriedCount--;
    }

    private void removeReserved(Client c, Job j) {
        c.reserved.remove(j);
        counters.reserved--;
        j.tube.reservedCount--;
        j.reserver = null;
    }

    private static boolean isReservedBy(Client c, Job j) {
        return j != null && j.reserver == c && j.state == JobState.RESERVED;
    }

    private void reserveJob(Client c, Job j) {
        j.tube.reservedCount++;
        j.reserves++;
        j.deadlineAt = now() + j.ttr;
        j.state = JobState.RESERVED;
        j.reserveSeq = ++reserveSeq;
        c.reserved.add(j);
        j.reserver = c;
        c.pendingTimeout = -1;
        replyJob(c, j, RESERVED_);
        schedule(c);
    }

    private void processQueue() {
        long now = now();
        Job j;
        while ((j = nextAwaitedJob(now)) != null) {
            removeReady(j);
            Client c = (Client) j.tube.waiting.take();
            counters.reserved++;
            removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            reserveJob(c, j);
        }
    }

    private Job nextAwaitedJob(long now) {
        Job best = null;
        for (int i = 0; i < tubes.size(); i++) {
            Tube t = tubes.get(i);
            if (t.pause != 0) {
                if (t.unpauseAt > now) {
                    continue;
                }
                t.pause = 0;
            }
            if (!t.waiting.isEmpty() && !t.ready.isEmpty()) {
                Job candidate = t.ready.peek();
                if (best == null || Job.BY_PRIORITY.compare(candidate, best) < 0) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private void removeWaiting(Client c) {
        if (!c.waiting) {
            return;
        }
        c.waiting = false;
        counters.waiting--;
        for (int i = 0; i < c.watch.size(); i++) {
            Tube t = c.watch.get(i);
            t.waitingCount--;
            t.waiting.remove(c);
        }
    }

    private void enqueueReservedJobs(Client c) {
        List<Job> held = new ArrayList<>(c.reserved.size());
        while (!c.reserved.isEmpty()) {
            held.add(c.reserved.poll());
        }
        held.sort((a, b) -> Long.compare(a.reserveSeq, b.reserveSeq));
        for (Job j : held) {
            enqueueJob(j, 0, false);
            counters.reserved--;
            j.tube.reservedCount--;
        }
    }

    private boolean deadlineSoon(Client c) {
        Job j = c.reserved.peek();
        return j != null && now() >= j.deadlineAt - SAFETY_MARGIN;
    }

    private static boolean hasReadyJob(Client c) {
        for (int i = 0; i < c.watch.size(); i++) {
            if (!c.watch.get(i).ready.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void freeJob(Job j) {
        jobs.remove(j);
        releaseTube(j.tube);
    }

    // ---------------------------------------------------------------------------------------------- tubes

    private Tube findOrMakeTube(String name) {
        Tube t = tubesByName.get(name);
        if (t == null) {
            t = new Tube(name);
            tubesByName.put(name, t);
            tubes.append(t);
        }
        return t;
    }

    private void releaseTube(Tube t) {
        if (--t.refs < 1) {
            tubes.remove(t);
            tubesByName.remove(t.name);
        }
    }

    private void onWatch(Tube t) {
        t.refs++;
        t.watchingCount++;
    }

    private void onIgnore(Tube t) {
        t.watchingCount--;
        releaseTube(t);
    }

    private static String validTubeName(byte[] line, int from, int to) {
        return TubeNames.isValid(line, from, to) ? new String(line, from, to - from, StandardCharsets.US_ASCII) : null;
    }

    // ---------------------------------------------------------------------------------------------- timers

    /**
     * beanstalkd's {@code prottick}: delayed jobs become ready, paused tubes resume, reservations time out and
     * waiting reserves end. Returns the nanoseconds until the next such event.
     */
    public long tick() {
        long now = now();
        long period = ONE_HOUR;
        Job j;
        while ((j = soonestDelayedJob()) != null) {
            long d = j.deadlineAt - now;
            if (d > 0) {
                period = Math.min(period, d);
                break;
            }
            j.tube.delayed.remove(j);
            enqueueJob(j, 0, false);
        }
        for (int i = 0; i < tubes.size(); i++) {
            Tube t = tubes.get(i);
            long d = t.unpauseAt - now;
            if (t.pause != 0 && d <= 0) {
                t.pause = 0;
                processQueue();
            } else if (d > 0) {
                period = Math.min(period, d);
            }
        }
        while (!timers.isEmpty()) {
            Client c = timers.peek();
            long d = c.tickAt - now;
            if (d > 0) {
                period = Math.min(period, d);
                break;
            }
            timers.poll();
            c.scheduled = false;
            connTimeout(c);
            schedule(c);
        }
        return period;
    }

    private Job soonestDelayedJob() {
        Job best = null;
        for (int i = 0; i < tubes.size(); i++) {
            Job candidate = tubes.get(i).delayed.peek();
            if (candidate != null && (best == null || candidate.deadlineAt < best.deadlineAt)) {
                best = candidate;
            }
        }
        return best;
    }

    private void connTimeout(Client c) {
        boolean shouldTimeout = c.waiting && deadlineSoon(c);
        Job j;
        while ((j = c.reserved.peek()) != null && j.deadlineAt < now()) {
            counters.jobTimeouts++;
            j.timeouts++;
            removeReserved(c, j);
            enqueueJob(j, 0, false);
        }
        if (shouldTimeout) {
            removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            reply(c, DEADLINE_SOON);
        } else if (c.waiting && c.pendingTimeout >= 0) {
            c.pendingTimeout = -1;
            removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            reply(c, TIMED_OUT);
        }
    }

    /** beanstalkd's {@code connsched}: when this connection next needs the timer, if at all. */
    private void schedule(Client c) {
        if (c.closed) {
            return;
        }
        long now = 0;
        long tickAt = Long.MAX_VALUE;
        boolean due = false;
        Job soonest = c.reserved.peek();
        if (soonest != null) {
            tickAt = soonest.deadlineAt - (c.waiting ? SAFETY_MARGIN : 0);
            due = true;
        }
        if (c.waiting && c.pendingTimeout >= 0) {
            now = now();
            tickAt = Math.min(tickAt, now + c.pendingTimeout * SECOND);
            due = true;
        }
        if (!due) {
            if (c.scheduled) {
                timers.remove(c);
                c.scheduled = false;
            }
            return;
        }
        if (c.scheduled) {
            if (c.tickAt == tickAt) {
                return;
            }
            c.tickAt = tickAt;
            timers.update(c);
        } else {
            c.tickAt = tickAt;
            timers.add(c);
            c.scheduled = true;
        }
    }

    // ---------------------------------------------------------------------------------------------- replies

    private void reply(Client c, byte[] message) {
        c.out.append(message);
        markDirty(c);
    }

    private void replyJob(Client c, Job j, byte[] word) {
        c.out.append(word).appendUnsigned(j.id).append(' ').appendUnsigned(j.size()).crlf().append(j.body);
        markDirty(c);
    }

    private void replyJobOrNotFound(Client c, Job j, byte[] word) {
        if (j == null) {
            reply(c, NOT_FOUND);
        } else {
            replyJob(c, j, word);
        }
    }

    private void replyYaml(Client c, String yaml) {
        byte[] body = yaml.getBytes(StandardCharsets.ISO_8859_1);
        ReplyBuffer out = c.out;
        out.append("OK ").appendUnsigned(body.length).crlf().append(body).crlf();
        markDirty(c);
    }

    private static String listTubes(Multiset<Tube> list) {
        StringBuilder yaml = new StringBuilder("---\n");
        for (int i = 0; i < list.size(); i++) {
            yaml.append("- ").append(list.get(i).name).append('\n');
        }
        return yaml.toString();
    }

    private void markDirty(Client c) {
        if (!c.dirty) {
            c.dirty = true;
            dirty.add(c);
        }
    }

    // ---------------------------------------------------------------------------------------------- replay, stats

    private void replay() {
        for (Job j : binlog.replay(this::findOrMakeTube, maxJobSize)) {
            j.tube.refs++;
            jobs.put(j);
            if (Long.compareUnsigned(j.id, nextId) >= 0) {
                nextId = j.id + 1;
            }
            if (j.state == JobState.BURIED) {
                buryJob(j, false);
            } else {
                long delay = 0;
                long now = now();
                if (j.state == JobState.DELAYED && now < j.deadlineAt) {
                    delay = j.deadlineAt - now;
                }
                enqueueJob(j, delay, false);
            }
        }
        nextId = Math.max(nextId, binlog.nextId());
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
        return (now() - startedAt) / SECOND;
    }

    int tubeCount() {
        return tubes.size();
    }

    long delayedCount() {
        long count = 0;
        for (int i = 0; i < tubes.size(); i++) {
            count += tubes.get(i).delayed.size();
        }
        return count;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
