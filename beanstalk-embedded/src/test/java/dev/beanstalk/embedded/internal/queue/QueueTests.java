package dev.beanstalk.embedded.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueueTests {

    private static Job job(long id, long pri) {
        return new Job(id, null, pri, 0, 0, new byte[2], 0);
    }

    @Test
    void heapOrdersByPriorityThenId() {
        IndexedHeap<Job> heap = new IndexedHeap<>(Job.BY_PRIORITY);
        heap.add(job(1, 5));
        heap.add(job(2, 1));
        heap.add(job(3, 5));
        heap.add(job(4, 1));
        List<Long> order = new ArrayList<>();
        while (!heap.isEmpty()) {
            order.add(heap.poll().id);
        }
        assertThat(order).containsExactly(2L, 4L, 1L, 3L);
    }

    @Test
    void heapRemovesAnyElementAndStaysOrdered() {
        IndexedHeap<Job> heap = new IndexedHeap<>(Job.BY_PRIORITY);
        Random random = new Random(7);
        List<Job> jobs = new ArrayList<>();
        for (int i = 1; i <= 500; i++) {
            Job j = job(i, random.nextInt(20));
            jobs.add(j);
            heap.add(j);
        }
        for (int i = 0; i < 500; i += 3) {
            heap.remove(jobs.get(i));
            assertThat(heap.contains(jobs.get(i))).isFalse();
        }
        Job previous = null;
        while (!heap.isEmpty()) {
            Job next = heap.poll();
            if (previous != null) {
                assertThat(Job.BY_PRIORITY.compare(previous, next)).isNegative();
            }
            previous = next;
        }
    }

    @Test
    void multisetSwapsTheLastIntoTheFreedSlot() {
        Multiset<String> set = new Multiset<>();
        set.append("default");
        set.append("a");
        set.append("b");
        set.append("c");
        set.remove("a");
        assertThat(List.of(set.get(0), set.get(1), set.get(2))).containsExactly("default", "c", "b");
    }

    @Test
    void multisetTakeRotatesAsBeanstalkdDoes() {
        Multiset<String> set = new Multiset<>();
        set.append("c1");
        set.append("c2");
        assertThat(set.take()).isEqualTo("c1");
        set.append("c3");
        assertThat(set.take()).isEqualTo("c3");
        assertThat(set.take()).isEqualTo("c2");
        assertThat(set.take()).isNull();
    }

    @Test
    void jobTableFindsAndForgetsJobs() {
        JobTable table = new JobTable();
        List<Job> jobs = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            Job j = job(i, 0);
            jobs.add(j);
            table.put(j);
        }
        for (int i = 0; i < 5000; i += 2) {
            table.remove(jobs.get(i));
        }
        assertThat(table.size()).isEqualTo(2500);
        for (int i = 0; i < 5000; i++) {
            assertThat(table.get(i + 1)).isSameAs(i % 2 == 0 ? null : jobs.get(i));
        }
        assertThat(table.get(-1L)).isNull();
    }

    @Test
    void buriedJobsFormAFifo() {
        Tube tube = new Tube("t");
        Job a = job(1, 0);
        Job b = job(2, 0);
        Job c = job(3, 0);
        tube.appendBuried(a);
        tube.appendBuried(b);
        tube.appendBuried(c);
        tube.unlinkBuried(b);
        assertThat(tube.firstBuried()).isSameAs(a);
        tube.unlinkBuried(a);
        assertThat(tube.firstBuried()).isSameAs(c);
        tube.unlinkBuried(c);
        assertThat(tube.hasBuried()).isFalse();
    }
}
