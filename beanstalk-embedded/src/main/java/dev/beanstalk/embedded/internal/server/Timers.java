package dev.beanstalk.embedded.internal.server;

import static dev.beanstalk.embedded.internal.server.Replies.DEADLINE_SOON;
import static dev.beanstalk.embedded.internal.server.Replies.TIMED_OUT;

import dev.beanstalk.embedded.internal.queue.IndexedHeap;
import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.Tube;

/**
 * Time: delayed jobs that become ready, paused tubes that resume, reservations whose TTR runs out, and reserves
 * that time out or meet DEADLINE_SOON, as beanstalkd's {@code prottick} and {@code connsched}.
 */
final class Timers {

    static final long SECOND = 1_000_000_000L;
    /** A reserved job's TTR is "soon" over in its last second. */
    static final long SAFETY_MARGIN = SECOND;
    private static final long ONE_HOUR = 3_600 * SECOND;

    /** The connections by when they next need the timer. */
    private final IndexedHeap<Client> heap = new IndexedHeap<>((a, b) -> Long.compare(a.tickAt, b.tickAt));
    private final Queue queue;
    private final Clock clock;
    private final Counters counters;
    private final Replies replies;

    Timers(Queue queue, Clock clock, Counters counters, Replies replies) {
        this.queue = queue;
        this.clock = clock;
        this.counters = counters;
        this.replies = replies;
    }

    /** Forgets a closed connection. */
    void remove(Client c) {
        if (c.scheduled) {
            heap.remove(c);
            c.scheduled = false;
        }
    }

    /**
     * beanstalkd's {@code prottick}: delayed jobs become ready, paused queue.tubes resume, reservations time out and
     * waiting reserves end. Returns the nanoseconds until the next such event.
     */
    long tick() {
        long now = clock.now();
        long period = ONE_HOUR;
        Job j;
        while ((j = soonestDelayedJob()) != null) {
            long d = j.deadlineAt - now;
            if (d > 0) {
                period = Math.min(period, d);
                break;
            }
            j.tube.delayed.remove(j);
            queue.enqueueJob(j, 0, false);
        }
        for (int i = 0; i < queue.tubes.size(); i++) {
            Tube t = queue.tubes.get(i);
            long d = t.unpauseAt - now;
            if (t.pause != 0 && d <= 0) {
                t.pause = 0;
                queue.processQueue();
            } else if (d > 0) {
                period = Math.min(period, d);
            }
        }
        while (!heap.isEmpty()) {
            Client c = heap.peek();
            long d = c.tickAt - now;
            if (d > 0) {
                period = Math.min(period, d);
                break;
            }
            heap.poll();
            c.scheduled = false;
            connTimeout(c);
            schedule(c);
        }
        return period;
    }

    private Job soonestDelayedJob() {
        Job best = null;
        for (int i = 0; i < queue.tubes.size(); i++) {
            Job candidate = queue.tubes.get(i).delayed.peek();
            if (candidate != null && (best == null || candidate.deadlineAt < best.deadlineAt)) {
                best = candidate;
            }
        }
        return best;
    }

    private void connTimeout(Client c) {
        boolean shouldTimeout = c.waiting && deadlineSoon(c);
        Job j;
        while ((j = c.reserved.peek()) != null && j.deadlineAt < clock.now()) {
            counters.jobTimeouts++;
            j.timeouts++;
            queue.removeReserved(c, j);
            queue.enqueueJob(j, 0, false);
        }
        if (shouldTimeout) {
            queue.removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            replies.reply(c, DEADLINE_SOON);
        } else if (c.waiting && c.pendingTimeout >= 0) {
            c.pendingTimeout = -1;
            queue.removeWaiting(c);
            c.state = Client.State.WANT_COMMAND;
            replies.reply(c, TIMED_OUT);
        }
    }

    /** beanstalkd's {@code connsched}: when this connection next needs the timer, if at all. */
    void schedule(Client c) {
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
            now = clock.now();
            tickAt = Math.min(tickAt, now + c.pendingTimeout * SECOND);
            due = true;
        }
        if (!due) {
            if (c.scheduled) {
                heap.remove(c);
                c.scheduled = false;
            }
            return;
        }
        if (c.scheduled) {
            if (c.tickAt == tickAt) {
                return;
            }
            c.tickAt = tickAt;
            heap.update(c);
        } else {
            c.tickAt = tickAt;
            heap.add(c);
            c.scheduled = true;
        }
    }

    boolean deadlineSoon(Client c) {
        Job j = c.reserved.peek();
        return j != null && clock.now() >= j.deadlineAt - SAFETY_MARGIN;
    }
}
