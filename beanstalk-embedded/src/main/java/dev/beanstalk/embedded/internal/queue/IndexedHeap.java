package dev.beanstalk.embedded.internal.queue;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A binary min-heap whose elements know their index, so any element can be removed in O(log n), as beanstalkd's
 * {@code heap.c}.
 */
public final class IndexedHeap<T extends HeapNode> {

    private final Comparator<? super T> order;
    private HeapNode[] items = new HeapNode[16];
    private int size;

    public IndexedHeap(Comparator<? super T> order) {
        this.order = order;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The smallest element, or {@code null} when empty. */
    @SuppressWarnings("unchecked")
    public T peek() {
        return size == 0 ? null : (T) items[0];
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) items[index];
    }

    public void add(T item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size] = item;
        item.heapIndex(size);
        size++;
        siftUp(size - 1);
    }

    /** Removes the element at {@code index} and returns it. */
    @SuppressWarnings("unchecked")
    public T removeAt(int index) {
        T removed = (T) items[index];
        size--;
        if (index != size) {
            set(index, items[size]);
            items[size] = null;
            siftDown(index);
            siftUp(index);
        } else {
            items[size] = null;
        }
        removed.heapIndex(-1);
        return removed;
    }

    public T poll() {
        return size == 0 ? null : removeAt(0);
    }

    public void remove(T item) {
        int index = item.heapIndex();
        if (index >= 0 && index < size && items[index] == item) {
            removeAt(index);
        }
    }

    /** Restores the order after the key of {@code item} changed. */
    public void update(T item) {
        int index = item.heapIndex();
        siftDown(index);
        siftUp(index);
    }

    public boolean contains(T item) {
        int index = item.heapIndex();
        return index >= 0 && index < size && items[index] == item;
    }

    private void siftUp(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!less(index, parent)) {
                return;
            }
            swap(index, parent);
            index = parent;
        }
    }

    private void siftDown(int index) {
        while (true) {
            int left = 2 * index + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && less(left + 1, left) ? left + 1 : left;
            if (!less(smallest, index)) {
                return;
            }
            swap(index, smallest);
            index = smallest;
        }
    }

    @SuppressWarnings("unchecked")
    private boolean less(int a, int b) {
        return order.compare((T) items[a], (T) items[b]) < 0;
    }

    private void swap(int a, int b) {
        HeapNode item = items[a];
        set(a, items[b]);
        set(b, item);
    }

    private void set(int index, HeapNode item) {
        items[index] = item;
        item.heapIndex(index);
    }
}
