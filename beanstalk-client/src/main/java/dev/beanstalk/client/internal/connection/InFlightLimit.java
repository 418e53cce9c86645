package dev.beanstalk.client.internal.connection;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** How many commands a connection may have queued or awaiting replies; callers beyond it wait for room. */
final class InFlightLimit {

    private final int max;
    private final int wakeAt;
    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();
    /** How many threads wait, read on every release instead of walking the queue. */
    private final AtomicInteger waiting = new AtomicInteger();

    /** Room for {@code max} commands; a waiter is woken once {@code batch} places are free, not for every one. */
    InFlightLimit(int max, int batch) {
        this.max = max;
        this.wakeAt = max - Math.max(1, Math.min(max / 2, batch));
    }

    int max() {
        return max;
    }

    int inFlight() {
        return count.get();
    }

    /** Takes {@code n} places if they are free; a batch larger than the limit takes them once nothing is in flight. */
    boolean tryAcquire(int n) {
        while (true) {
            int current = count.get();
            if (current + n > max && current != 0) {
                return false;
            }
            if (count.compareAndSet(current, current + n)) {
                return true;
            }
        }
    }

    /** Whether {@code n} places are free now. */
    boolean hasRoomFor(int n) {
        int current = count.get();
        return current + n <= max || current == 0;
    }

    void release() {
        if (count.decrementAndGet() <= wakeAt && waiting.get() > 0) {
            Thread first = waiters.peek();
            if (first != null) {
                LockSupport.unpark(first);
            }
        }
    }

    void addWaiter(Thread thread) {
        waiting.incrementAndGet();
        waiters.add(thread);
    }

    void removeWaiter(Thread thread) {
        waiters.remove(thread);
        waiting.decrementAndGet();
        Thread next = waiters.peek();
        if (next != null) {
            LockSupport.unpark(next);
        }
    }
}
