package dev.beanstalk.embedded.internal.server;

import static dev.beanstalk.embedded.internal.server.Replies.BAD_FORMAT;
import static dev.beanstalk.embedded.internal.server.Replies.DRAINING;
import static dev.beanstalk.embedded.internal.server.Replies.EXPECTED_CRLF;
import static dev.beanstalk.embedded.internal.server.Replies.INSERTED_;
import static dev.beanstalk.embedded.internal.server.Replies.JOB_TOO_BIG;
import static dev.beanstalk.embedded.internal.server.Replies.OUT_OF_MEMORY;
import static dev.beanstalk.embedded.internal.server.Replies.UNKNOWN_COMMAND;
import static dev.beanstalk.embedded.internal.server.Timers.SECOND;

import dev.beanstalk.embedded.internal.binlog.Binlog;
import dev.beanstalk.embedded.internal.protocol.Arguments;
import dev.beanstalk.embedded.internal.protocol.Op;
import dev.beanstalk.embedded.internal.queue.Job;

/**
 * The front of the protocol, as beanstalkd's {@code conn_data} and {@code dispatch_cmd}: the input state machine
 * that cuts command lines and job bodies out of what a connection sent, and the dispatch of each line to its
 * command; {@code put}, which owns the body that follows its line, lives here.
 */
final class Protocol {

    /** beanstalkd's LINE_BUF_SIZE: a command line is at most this long, CRLF included. */
    private static final int LINE_BUF_SIZE = 224;

    private final Engine engine;
    private final Queue queue;
    private final Timers timers;
    private final Commands commands;
    private final Replies replies;
    private final Counters counters;
    private final Binlog binlog;
    private final Clock clock;
    private final long maxJobSize;

    Protocol(Engine engine, Queue queue, Timers timers, Commands commands, Replies replies, Counters counters,
            Binlog binlog, Clock clock, long maxJobSize) {
        this.engine = engine;
        this.queue = queue;
        this.timers = timers;
        this.commands = commands;
        this.replies = replies;
        this.counters = counters;
        this.binlog = binlog;
        this.clock = clock;
        this.maxJobSize = maxJobSize;
    }

    private void dispatch(Client c, byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == 0) {
                replies.reply(c, BAD_FORMAT);
                return;
            }
        }
        Op op = Op.recognize(line, from, to);
        Arguments args = c.arguments.reset(line, from + op.prefixLength(), to);
        boolean bare = to - from == op.prefixLength();
        switch (op) {
            case PUT -> put(c, args);
            case PEEK_READY, PEEK_DELAYED, PEEK_BURIED, STATS, LIST_TUBES, LIST_TUBE_USED, LIST_TUBES_WATCHED -> {
                if (bare) {
                    commands.bare(c, op);
                } else {
                    replies.reply(c, BAD_FORMAT);
                }
            }
            case RESERVE -> {
                if (bare) {
                    commands.reserve(c, op, -1);
                } else {
                    replies.reply(c, BAD_FORMAT);
                }
            }
            case RESERVE_WITH_TIMEOUT -> {
                if (args.readReserveTimeout()) {
                    commands.reserve(c, op, (int) args.value());
                } else {
                    replies.reply(c, BAD_FORMAT);
                }
            }
            case PEEK_JOB, TOUCH, STATS_JOB, KICK_JOB, RESERVE_JOB, DELETE -> {
                if (args.readU64(true)) {
                    commands.byId(c, op, args);
                } else {
                    replies.reply(c, BAD_FORMAT);
                }
            }
            case RELEASE -> commands.release(c, args);
            case BURY -> commands.bury(c, args);
            case KICK -> commands.kick(c, args);
            case STATS_TUBE -> commands.statsTube(c, line, args.position(), to);
            case USE -> commands.use(c, line, args.position(), to);
            case WATCH -> commands.watch(c, line, args.position(), to);
            case IGNORE -> commands.ignore(c, line, args.position(), to);
            case QUIT -> c.state = Client.State.CLOSE;
            case PAUSE_TUBE -> commands.pauseTube(c, args, line);
            default -> replies.reply(c, UNKNOWN_COMMAND);
        }
    }

    /** Runs the input state machine over the bytes {@code c} has received, as far as they and its state allow. */
    void process(Client c) {
        byte[] in = c.input();
        while (!c.closed && c.out.pending() < Engine.OUTPUT_LIMIT) {
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
                        timers.schedule(c);
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
                        replies.reply(c, BAD_FORMAT);
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
                    timers.schedule(c);
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
                    replies.reply(c, c.deferredReply);
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

    private void put(Client c, Arguments args) {
        if (!args.readU32(false)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long pri = args.value();
        if (!args.readU32(false)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long delay = args.value() * SECOND;
        if (!args.readU32(false)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long ttr = args.value() * SECOND;
        if (!args.readU32(false)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long bodySize = args.value();
        counters.count(Op.PUT);
        if (bodySize > maxJobSize) {
            skip(c, bodySize + 2, JOB_TOO_BIG);
            return;
        }
        if (!args.atEnd()) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        if (!c.producer) {
            c.producer = true;
            counters.currentProducers++;
        }
        if (ttr < SECOND) {
            ttr = SECOND;
        }
        Job j = new Job(queue.nextId++, c.use, pri, delay, ttr, new byte[(int) bodySize + 2], clock.now());
        c.use.refs++;
        queue.jobs.put(j);
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
            queue.freeJob(j);
            replies.reply(c, EXPECTED_CRLF);
            return;
        }
        if (engine.isDraining()) {
            queue.freeJob(j);
            replies.reply(c, DRAINING);
            return;
        }
        if (!binlog.reservePut(j)) {
            queue.freeJob(j);
            replies.reply(c, OUT_OF_MEMORY);
            return;
        }
        queue.enqueueJob(j, j.delay, true);
        counters.totalJobs++;
        j.tube.totalJobs++;
        c.out.append(INSERTED_).appendUnsigned(j.id).crlf();
        replies.markDirty(c);
    }
}
