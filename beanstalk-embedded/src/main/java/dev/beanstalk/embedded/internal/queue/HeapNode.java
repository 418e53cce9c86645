package dev.beanstalk.embedded.internal.queue;

/** An element that remembers its position in the one {@link IndexedHeap} it belongs to at a time. */
public interface HeapNode {

    int heapIndex();

    void heapIndex(int index);
}
