package dev.beanstalk.embedded.internal.queue;

import java.util.function.Consumer;

/** Jobs by id: an open-addressing hash table on primitive longs, so a lookup allocates nothing. */
public final class JobTable {

    private Job[] slots = new Job[1024];
    private int size;

    public int size() {
        return size;
    }

    public Job get(long id) {
        int mask = slots.length - 1;
        for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
            Job job = slots[i];
            if (job == null || job.id == id) {
                return job;
            }
        }
    }

    public void put(Job job) {
        if ((size + 1) * 2 > slots.length) {
            resize(slots.length * 2);
        }
        insert(slots, job);
        size++;
    }

    public void remove(Job job) {
        int mask = slots.length - 1;
        int i = hash(job.id) & mask;
        while (slots[i] != null && slots[i] != job) {
            i = (i + 1) & mask;
        }
        if (slots[i] == null) {
            return;
        }
        slots[i] = null;
        size--;
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            Job moved = slots[j];
            slots[j] = null;
            insert(slots, moved);
        }
        if (slots.length > 1024 && size * 8 < slots.length) {
            resize(slots.length / 2);
        }
    }

    public void forEach(Consumer<Job> action) {
        for (Job job : slots.clone()) {
            if (job != null) {
                action.accept(job);
            }
        }
    }

    private void resize(int capacity) {
        Job[] old = slots;
        slots = new Job[capacity];
        for (Job job : old) {
            if (job != null) {
                insert(slots, job);
            }
        }
    }

    private static void insert(Job[] table, Job job) {
        int mask = table.length - 1;
        int i = hash(job.id) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = job;
    }

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
