package dev.beanstalk.dashboard;

import java.util.ArrayList;
import java.util.List;

/** A fixed-capacity ring of values: adding to a full ring drops the oldest, so it never holds more than its capacity. */
final class Ring<T> {

    private final Object[] values;
    private int next;
    private int size;

    Ring(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.values = new Object[capacity];
    }

    synchronized void add(T value) {
        values[next] = value;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    /** The values, oldest first. */
    @SuppressWarnings("unchecked")
    synchronized List<T> toList() {
        List<T> list = new ArrayList<>(size);
        int start = (next - size + values.length) % values.length;
        for (int i = 0; i < size; i++) {
            list.add((T) values[(start + i) % values.length]);
        }
        return list;
    }

    int capacity() {
        return values.length;
    }
}
