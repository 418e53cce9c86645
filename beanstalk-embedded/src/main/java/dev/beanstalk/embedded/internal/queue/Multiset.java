package dev.beanstalk.embedded.internal.queue;

import java.util.Arrays;

/**
 * beanstalkd's {@code ms.c}: an array set whose removals move the last element into the freed slot, and whose
 * {@link #take()} walks a rotating cursor. That is why {@code list-tubes} order and the hand-out order of waiting
 * reservers are what they are.
 */
public final class Multiset<T> {

    private Object[] items = new Object[4];
    private int size;
    private int last;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) items[index];
    }

    public void append(T item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    public boolean contains(T item) {
        return indexOf(item) >= 0;
    }

    /** Removes {@code item} by swapping the last element into its slot; false when absent. */
    public boolean remove(T item) {
        int index = indexOf(item);
        if (index < 0) {
            return false;
        }
        delete(index);
        return true;
    }

    /** Removes and returns the element under the rotating cursor: mostly the oldest, as in beanstalkd. */
    @SuppressWarnings("unchecked")
    public T take() {
        if (size == 0) {
            return null;
        }
        last = last % size;
        T item = (T) items[last];
        delete(last);
        last++;
        return item;
    }

    private void delete(int index) {
        items[index] = items[--size];
        items[size] = null;
    }

    private int indexOf(Object item) {
        for (int i = 0; i < size; i++) {
            if (items[i] == item) {
                return i;
            }
        }
        return -1;
    }
}
