package dev.beanstalk.embedded.internal.server;

import static dev.beanstalk.embedded.internal.server.Replies.RESERVED_;

import dev.beanstalk.embedded.internal.binlog.Binlog;
import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.JobState;
import dev.beanstalk.embedded.internal.queue.JobTable;
import dev.beanstalk.embedded.internal.queue.Multiset;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs and tubes and every move of a job between ready, reserved, delayed and buried, with the waiting
 * reservers served as jobs become ready: beanstalkd's {@code enqueue_job}, {@code bury_job}, {@code process_queue}
 * and the tube reference counts.
 */
final class Queue {

    final Multiset<Tube> tubes = new Multiset<>();
    final Map<String, Tube> tubesByName = new HashMap<>();
    final JobTable jobs = new JobTable();
    final Tube defaultTube;
    long nextId = 1;
    private final Binlog binlog;
    private final Clock clock;
    private final Counters counters;
    private final Replies replies;
    private final long maxJobSize;
    private Timers timers;
    private long reserveSeq;

    Queue(Binlog binlog, Clock clock, Counters counters, Replies replies, long maxJobSize) {
        this.binlog = binlog;
        this.clock = clock;
        this.counters = counters;
        this.replies = replies;
        this.maxJobSize = maxJobSize;
        this.defaultTube = findOrMakeTube("default");
        defaultTube.refs++;
    }

    void timers(Timers timers) {
        this.timers = timers;
    }

    /** Makes {@code j} ready, or delayed by {@code delay} ns, logs it if asked, and serves the waiting reservers. */
    void enqueueJob(Job j, long delay, boolean log) {
        j.reserver = null;
        if (delay != 0) {
            j.deadlineAt = clock.now() + delay;
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

    /** Buries {@code j}, logging it if asked; false when the binlog failed. */
    boolean buryJob(Job j, boolean log) {
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

    void removeReady(Job j) {
        j.tube.ready.remove(j);
        counters.ready--;
        if (j.isUrgent()) {
            counters.urgent--;
            j.tube.urgentCount--;
        }
    }

    void removeBuried(Job j) {
        j.tube.unlinkBuried(j);
        counters.buried--;
        j.tube.buriedCount--;
    }

    void removeReserved(Client c, Job j) {
        c.reserved.remove(j);
        counters.reserved--;
        j.tube.reservedCount--;
        j.reserver = null;
    }

    static boolean isReservedBy(Client c, Job j) {
        return j != null && j.reserver == c && j.state == JobState.RESERVED;
    }

    /** Hands {@code j}, already out of its queue, to {@code c} as its reservation and replies RESERVED. */
    void grant(Client c, Job j) {
        j.tube.reservedCount++;
        j.reserves++;
        j.deadlineAt = clock.now() + j.ttr;
        j.state = JobState.RESERVED;
        j.reserveSeq = ++reserveSeq;
        c.reserved.add(j);
        j.reserver = c;
        c.pendingTimeout = -1;
        replies.replyJob(c, j, RESERVED_);
        timers.schedule(c);
    }

    /** beanstalkd's {@code process_queue}: while a waiting reserver watches a tube with a ready job, it gets one. */
    void processQueue() {
        long now = clock.now();
        Job j;
        while ((j = nextAwaitedJob(now)) != null) {
            removeReady(j);
            Client c = (Client) j.tube.waiting.take();
            counters.reserved++;
            removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            grant(c, j);
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

    /** {@code c} stops waiting in a reserve, on every tube it watches. */
    void removeWaiting(Client c) {
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

    /** A closed connection's reserved jobs go back to ready, in the order they were reserved. */
    void enqueueReservedJobs(Client c) {
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

    static boolean hasReadyJob(Client c) {
        for (int i = 0; i < c.watch.size(); i++) {
            if (!c.watch.get(i).ready.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    void freeJob(Job j) {
        jobs.remove(j);
        releaseTube(j.tube);
    }

    Tube findOrMakeTube(String name) {
        Tube t = tubesByName.get(name);
        if (t == null) {
            t = new Tube(name);
            tubesByName.put(name, t);
            tubes.append(t);
        }
        return t;
    }

    void releaseTube(Tube t) {
        if (--t.refs < 1) {
            tubes.remove(t);
            tubesByName.remove(t.name);
        }
    }

    void onWatch(Tube t) {
        t.refs++;
        t.watchingCount++;
    }

    void onIgnore(Tube t) {
        t.watchingCount--;
        releaseTube(t);
    }

    /** Kicks up to {@code bound} buried jobs of {@code t}, or delayed ones when none is buried; returns how many. */
    long kickJobs(Tube t, long bound) {
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
    boolean kick(Job j) {
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

    /** Takes the binlog's live jobs back, each in its recorded state; a delayed job keeps its deadline. */
    void replay() {
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
                long now = clock.now();
                if (j.state == JobState.DELAYED && now < j.deadlineAt) {
                    delay = j.deadlineAt - now;
                }
                enqueueJob(j, delay, false);
            }
        }
        nextId = Math.max(nextId, binlog.nextId());
    }

    long delayedCount() {
        long count = 0;
        for (int i = 0; i < tubes.size(); i++) {
            count += tubes.get(i).delayed.size();
        }
        return count;
    }

    int tubeCount() {
        return tubes.size();
    }
}
