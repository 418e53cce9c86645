package dev.beanstalk.embedded.internal.server;

import static dev.beanstalk.embedded.internal.server.Replies.BAD_FORMAT;
import static dev.beanstalk.embedded.internal.server.Replies.BURIED;
import static dev.beanstalk.embedded.internal.server.Replies.DEADLINE_SOON;
import static dev.beanstalk.embedded.internal.server.Replies.DELETED;
import static dev.beanstalk.embedded.internal.server.Replies.FOUND_;
import static dev.beanstalk.embedded.internal.server.Replies.INTERNAL_ERROR;
import static dev.beanstalk.embedded.internal.server.Replies.KICKED;
import static dev.beanstalk.embedded.internal.server.Replies.KICKED_;
import static dev.beanstalk.embedded.internal.server.Replies.NOT_FOUND;
import static dev.beanstalk.embedded.internal.server.Replies.NOT_IGNORED;
import static dev.beanstalk.embedded.internal.server.Replies.OUT_OF_MEMORY;
import static dev.beanstalk.embedded.internal.server.Replies.PAUSED;
import static dev.beanstalk.embedded.internal.server.Replies.RELEASED;
import static dev.beanstalk.embedded.internal.server.Replies.TOUCHED;
import static dev.beanstalk.embedded.internal.server.Replies.USING_;
import static dev.beanstalk.embedded.internal.server.Replies.WATCHING_;
import static dev.beanstalk.embedded.internal.server.Timers.SECOND;

import dev.beanstalk.embedded.internal.binlog.Binlog;
import dev.beanstalk.embedded.internal.protocol.Arguments;
import dev.beanstalk.embedded.internal.protocol.Op;
import dev.beanstalk.embedded.internal.protocol.TubeNames;
import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.nio.charset.StandardCharsets;

/**
 * The commands after {@code put}, each from its parsed arguments to its reply, as in beanstalkd's
 * {@code dispatch_cmd}: reserves, the changes of a job's state, tubes, peeks and stats.
 */
final class Commands {

    private final Engine engine;
    private final Queue queue;
    private final Timers timers;
    private final Replies replies;
    private final Counters counters;
    private final Binlog binlog;
    private final Clock clock;

    Commands(Engine engine, Queue queue, Timers timers, Replies replies, Counters counters, Binlog binlog,
            Clock clock) {
        this.engine = engine;
        this.queue = queue;
        this.timers = timers;
        this.replies = replies;
        this.counters = counters;
        this.binlog = binlog;
        this.clock = clock;
    }

    /** The commands that take no argument. */
    void bare(Client c, Op op) {
        counters.count(op);
        switch (op) {
            case PEEK_READY -> replies.replyJobOrNotFound(c, c.use.ready.peek(), FOUND_);
            case PEEK_DELAYED -> replies.replyJobOrNotFound(c, c.use.delayed.peek(), FOUND_);
            case PEEK_BURIED -> replies.replyJobOrNotFound(c, c.use.firstBuried(), FOUND_);
            case STATS -> replies.replyYaml(c, StatsFormat.server(engine, counters));
            case LIST_TUBES -> replies.replyYaml(c, Replies.listTubes(queue.tubes));
            case LIST_TUBES_WATCHED -> replies.replyYaml(c, Replies.listTubes(c.watch));
            default -> {
                c.out.append(USING_).append(c.use.nameBytes).crlf();
                replies.markDirty(c);
            }
        }
    }

    /** The commands whose one argument, a job id, has been read. */
    void byId(Client c, Op op, Arguments args) {
        switch (op) {
            case RESERVE_JOB -> reserveById(c, args);
            case DELETE -> delete(c, args);
            case KICK_JOB -> kickJob(c, args);
            case TOUCH -> touch(c, args);
            default -> {
                counters.count(op);
                Job j = queue.jobs.get(args.value());
                if (op == Op.PEEK_JOB) {
                    replies.replyJobOrNotFound(c, j, FOUND_);
                } else if (j == null) {
                    replies.reply(c, NOT_FOUND);
                } else {
                    replies.replyYaml(c, StatsFormat.job(j, clock.now()));
                }
            }
        }
    }

    void kick(Client c, Arguments args) {
        if (!args.readKickBound()) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.KICK);
        long kicked = queue.kickJobs(c.use, args.value());
        c.out.append(KICKED_).appendUnsigned(kicked).crlf();
        replies.markDirty(c);
    }

    private void touch(Client c, Arguments args) {
        counters.count(Op.TOUCH);
        Job j = queue.jobs.get(args.value());
        if (Queue.isReservedBy(c, j)) {
            c.reserved.remove(j);
            j.deadlineAt = clock.now() + j.ttr;
            c.reserved.add(j);
            replies.reply(c, TOUCHED);
        } else {
            replies.reply(c, NOT_FOUND);
        }
    }

    void statsTube(Client c, byte[] line, int from, int to) {
        String name = validTubeName(line, from, to);
        if (name == null) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.STATS_TUBE);
        Tube t = queue.tubesByName.get(name);
        if (t == null) {
            replies.reply(c, NOT_FOUND);
            return;
        }
        replies.replyYaml(c, StatsFormat.tube(t, clock.now()));
    }

    void reserve(Client c, Op op, int timeout) {
        counters.count(op);
        if (!c.worker) {
            c.worker = true;
            counters.currentWorkers++;
        }
        if (timers.deadlineSoon(c) && !Queue.hasReadyJob(c)) {
            replies.reply(c, DEADLINE_SOON);
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
        timers.schedule(c);
        queue.processQueue();
    }

    private void reserveById(Client c, Arguments args) {
        counters.count(Op.RESERVE_JOB);
        Job j = queue.jobs.get(args.value());
        if (j == null || j.state == JobState.RESERVED || j.state == JobState.INVALID) {
            replies.reply(c, NOT_FOUND);
            return;
        }
        switch (j.state) {
            case READY -> queue.removeReady(j);
            case BURIED -> queue.removeBuried(j);
            default -> j.tube.delayed.remove(j);
        }
        if (!c.worker) {
            c.worker = true;
            counters.currentWorkers++;
        }
        counters.reserved++;
        queue.grant(c, j);
    }

    private void delete(Client c, Arguments args) {
        counters.count(Op.DELETE);
        Job j = queue.jobs.get(args.value());
        if (j == null) {
            replies.reply(c, NOT_FOUND);
            return;
        }
        if (Queue.isReservedBy(c, j)) {
            queue.removeReserved(c, j);
        } else if (j.state == JobState.READY) {
            queue.removeReady(j);
        } else if (j.state == JobState.BURIED) {
            queue.removeBuried(j);
        } else if (j.state == JobState.DELAYED) {
            j.tube.delayed.remove(j);
        } else {
            replies.reply(c, NOT_FOUND);
            return;
        }
        j.tube.deleteCount++;
        j.state = JobState.INVALID;
        boolean written = binlog.write(j);
        binlog.maintain();
        queue.freeJob(j);
        replies.reply(c, written ? DELETED : INTERNAL_ERROR);
    }

    void release(Client c, Arguments args) {
        if (!args.readU64(false)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long id = args.value();
        if (!args.readU32(false)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long pri = args.value();
        if (!args.readU32(true)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long delay = args.value() * SECOND;
        counters.count(Op.RELEASE);
        Job j = queue.jobs.get(id);
        if (!Queue.isReservedBy(c, j)) {
            replies.reply(c, NOT_FOUND);
            return;
        }
        if (delay != 0 && !binlog.reserveUpdate(j)) {
            replies.reply(c, OUT_OF_MEMORY);
            return;
        }
        queue.removeReserved(c, j);
        j.pri = pri;
        j.delay = delay;
        j.releases++;
        queue.enqueueJob(j, delay, delay != 0);
        replies.reply(c, RELEASED);
    }

    void bury(Client c, Arguments args) {
        if (!args.readU64(false)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long id = args.value();
        if (!args.readU32(true)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long pri = args.value();
        counters.count(Op.BURY);
        Job j = queue.jobs.get(id);
        if (!Queue.isReservedBy(c, j)) {
            replies.reply(c, NOT_FOUND);
            return;
        }
        if (!binlog.reserveUpdate(j)) {
            replies.reply(c, INTERNAL_ERROR);
            return;
        }
        queue.removeReserved(c, j);
        j.pri = pri;
        replies.reply(c, queue.buryJob(j, true) ? BURIED : INTERNAL_ERROR);
    }

    private void kickJob(Client c, Arguments args) {
        counters.count(Op.KICK_JOB);
        Job j = queue.jobs.get(args.value());
        if (j != null && (j.state == JobState.BURIED || j.state == JobState.DELAYED)) {
            replies.reply(c, queue.kick(j) ? KICKED : NOT_FOUND);
        } else {
            replies.reply(c, NOT_FOUND);
        }
    }

    void use(Client c, byte[] line, int from, int to) {
        String name = validTubeName(line, from, to);
        if (name == null) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.USE);
        Tube t = queue.findOrMakeTube(name);
        t.refs++;
        c.use.usingCount--;
        Tube old = c.use;
        c.use = t;
        queue.releaseTube(old);
        t.usingCount++;
        c.out.append(USING_).append(t.nameBytes).crlf();
        replies.markDirty(c);
    }

    void watch(Client c, byte[] line, int from, int to) {
        String name = validTubeName(line, from, to);
        if (name == null) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        counters.count(Op.WATCH);
        Tube t = queue.findOrMakeTube(name);
        if (!c.watch.contains(t)) {
            c.watch.append(t);
            queue.onWatch(t);
        }
        c.out.append(WATCHING_).appendUnsigned(c.watch.size()).crlf();
        replies.markDirty(c);
    }

    void ignore(Client c, byte[] line, int from, int to) {
        String name = validTubeName(line, from, to);
        if (name == null) {
            replies.reply(c, BAD_FORMAT);
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
            replies.reply(c, NOT_IGNORED);
            return;
        }
        if (t != null) {
            c.watch.remove(t);
            queue.onIgnore(t);
        }
        c.out.append(WATCHING_).appendUnsigned(c.watch.size()).crlf();
        replies.markDirty(c);
    }

    void pauseTube(Client c, Arguments args, byte[] line) {
        if (!args.readTubeName()) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        int nameStart = (int) args.value();
        int nameEnd = args.position();
        if (!args.readU32(true)) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        long delay = args.value() * SECOND;
        counters.count(Op.PAUSE_TUBE);
        String name = validTubeName(line, nameStart, nameEnd);
        if (name == null) {
            replies.reply(c, BAD_FORMAT);
            return;
        }
        Tube t = queue.tubesByName.get(name);
        if (t == null) {
            replies.reply(c, NOT_FOUND);
            return;
        }
        if (delay == 0) {
            delay = 1;
        }
        t.unpauseAt = clock.now() + delay;
        t.pause = delay;
        t.pauseCount++;
        replies.reply(c, PAUSED);
    }

    private static String validTubeName(byte[] line, int from, int to) {
        return TubeNames.isValid(line, from, to) ? new String(line, from, to - from, StandardCharsets.US_ASCII) : null;
    }
}
