package dev.beanstalk.embedded.internal.server;

import dev.beanstalk.embedded.internal.protocol.Arguments;
import dev.beanstalk.embedded.internal.protocol.ReplyBuffer;
import dev.beanstalk.embedded.internal.queue.HeapNode;
import dev.beanstalk.embedded.internal.queue.IndexedHeap;
import dev.beanstalk.embedded.internal.queue.Job;
import dev.beanstalk.embedded.internal.queue.Multiset;
import dev.beanstalk.embedded.internal.queue.Reserver;
import dev.beanstalk.embedded.internal.queue.Tube;
import java.nio.ByteBuffer;

/**
 * The server side of one connection, as beanstalkd's {@code Conn}: its input state, the tube it uses, the tubes it
 * watches, its reservations, and the bytes read but not yet parsed and the replies not yet written.
 */
public final class Client implements Reserver, HeapNode {

    /** Where the input state machine stands; see beanstalkd's {@code STATE_*}. */
    public enum State { WANT_COMMAND, WANT_ENDLINE, WANT_DATA, BITBUCKET, WAIT, CLOSE }

    private static final int INPUT_CAPACITY = 64 * 1024;

    State state = State.WANT_COMMAND;
    final ReplyBuffer out = new ReplyBuffer();
    final Arguments arguments = new Arguments();
    final Multiset<Tube> watch = new Multiset<>();
    final IndexedHeap<Job> reserved = new IndexedHeap<>(Job.BY_RESERVATION_DEADLINE);
    Tube use;
    boolean producer;
    boolean worker;
    boolean waiting;
    /** The reserve-with-timeout seconds while waiting; -1 for none. */
    int pendingTimeout = -1;
    long tickAt;
    boolean scheduled;
    Job inJob;
    int inJobRead;
    long discardRemaining;
    byte[] deferredReply;
    boolean eof;
    boolean closed;
    boolean dirty;

    private final byte[] in = new byte[INPUT_CAPACITY];
    private final ByteBuffer inView = ByteBuffer.wrap(in);
    int inStart;
    int inEnd;
    private int heapIndex = -1;
    private Object attachment;

    Client() {
    }

    byte[] input() {
        return in;
    }

    int available() {
        return inEnd - inStart;
    }

    /** The free part of the input buffer for a channel read, compacting first; {@code null} when full. */
    public ByteBuffer readTarget() {
        if (inStart > 0 && (inStart == inEnd || in.length - inEnd < 4096)) {
            System.arraycopy(in, inStart, in, 0, inEnd - inStart);
            inEnd -= inStart;
            inStart = 0;
        }
        if (inEnd == in.length) {
            return null;
        }
        inView.limit(in.length).position(inEnd);
        return inView;
    }

    /** Records that a channel read put {@code count} bytes into {@link #readTarget()}. */
    public void received(int count) {
        inEnd += count;
    }

    public ReplyBuffer output() {
        return out;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean reachedEndOfInput() {
        return eof;
    }

    /** Whether the connection should be closed once its replies are written. */
    public boolean isClosing() {
        return state == State.CLOSE;
    }

    /** Whether the connection is blocked in a reserve, when the server reads only to notice a hang-up. */
    public boolean isBlockedInReserve() {
        return state == State.WAIT;
    }

    /** Whether the server would use more input now: not blocked in a reserve, not closing, replies not piling up. */
    public boolean wantsInput() {
        return state != State.WAIT && state != State.CLOSE && out.pending() < Engine.OUTPUT_LIMIT;
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
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
