package dev.beanstalk.embedded.internal.queue;

import java.util.Comparator;

/**
 * One job, as beanstalkd's {@code Job}: mutable, owned by the server thread. The body keeps its trailing CRLF, so a
 * reply is the header followed by {@link #body} as it is.
 */
public final class Job implements HeapNode {

    /** Ready order: priority, then id. */
    public static final Comparator<Job> BY_PRIORITY = (a, b) -> {
        int byPri = Long.compare(a.pri, b.pri);
        return byPri != 0 ? byPri : Long.compareUnsigned(a.id, b.id);
    };

    /** Delayed order: deadline, then id. */
    public static final Comparator<Job> BY_DEADLINE = (a, b) -> {
        int byDeadline = Long.compare(a.deadlineAt, b.deadlineAt);
        return byDeadline != 0 ? byDeadline : Long.compareUnsigned(a.id, b.id);
    };

    /** A connection's reserved jobs: deadline, then the order of reservation (beanstalkd's list order). */
    public static final Comparator<Job> BY_RESERVATION_DEADLINE = (a, b) -> {
        int byDeadline = Long.compare(a.deadlineAt, b.deadlineAt);
        return byDeadline != 0 ? byDeadline : Long.compare(a.reserveSeq, b.reserveSeq);
    };

    public final long id;
    public Tube tube;
    /** The body followed by CRLF (or by whatever two bytes the client sent, until checked). */
    public final byte[] body;
    public long createdAt;
    public long pri;
    public long delay;
    public long ttr;
    public long deadlineAt;
    public JobState state = JobState.INVALID;
    public long reserves;
    public long timeouts;
    public long releases;
    public long buries;
    public long kicks;

    /** The connection holding the reservation, when {@link JobState#RESERVED}. */
    public Reserver reserver;
    public long reserveSeq;

    /** Links of the tube's buried list. */
    public Job prev;
    public Job next;

    /**
     * The binlog file holding this job's full record and its number (0 without one); the bytes of its records since
     * then, which keep the log alive; and the bytes reserved for its records still to come, as beanstalkd's
     * {@code file}, {@code walused} and {@code walresv}.
     */
    public Object binlogFile;
    public int binlogSeq;
    public long walUsed;
    public long walReserved;

    private int heapIndex = -1;

    public Job(long id, Tube tube, long pri, long delay, long ttr, byte[] body, long createdAt) {
        this.id = id;
        this.tube = tube;
        this.pri = pri;
        this.delay = delay;
        this.ttr = ttr;
        this.body = body;
        this.createdAt = createdAt;
    }

    /** The body size as the protocol counts it, without the trailing CRLF. */
    public int size() {
        return body.length - 2;
    }

    public boolean isUrgent() {
        return pri < 1024;
    }

    @Override
    public int heapIndex() {
        return heapIndex;
    }

    @Override
    public void heapIndex(int index) {
        this.heapIndex = index;
    }
}
