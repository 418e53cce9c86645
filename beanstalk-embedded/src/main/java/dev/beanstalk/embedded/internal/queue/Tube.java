package dev.beanstalk.embedded.internal.queue;

import java.nio.charset.StandardCharsets;

/** A tube with its ready and delayed heaps, its buried FIFO list, waiting reservers and counters. */
public final class Tube {

    public final String name;
    public final byte[] nameBytes;
    public final IndexedHeap<Job> ready = new IndexedHeap<>(Job.BY_PRIORITY);
    public final IndexedHeap<Job> delayed = new IndexedHeap<>(Job.BY_DEADLINE);
    public final Multiset<Reserver> waiting = new Multiset<>();
    private final Job buried = new Job(0, null, 0, 0, 0, new byte[2], 0);

    public long urgentCount;
    public long reservedCount;
    public long buriedCount;
    public long totalJobs;
    public long usingCount;
    public long watchingCount;
    public long waitingCount;
    public long deleteCount;
    public long pauseCount;
    /** The pause length in ns; 0 when not paused. */
    public long pause;
    public long unpauseAt;
    public int refs;

    public Tube(String name) {
        this.name = name;
        this.nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        buried.prev = buried;
        buried.next = buried;
    }

    public boolean hasBuried() {
        return buried.next != buried;
    }

    /** The oldest buried job, or {@code null}. */
    public Job firstBuried() {
        return hasBuried() ? buried.next : null;
    }

    public void appendBuried(Job job) {
        job.prev = buried.prev;
        job.next = buried;
        buried.prev.next = job;
        buried.prev = job;
    }

    public void unlinkBuried(Job job) {
        job.prev.next = job.next;
        job.next.prev = job.prev;
        job.prev = null;
        job.next = null;
    }
}
