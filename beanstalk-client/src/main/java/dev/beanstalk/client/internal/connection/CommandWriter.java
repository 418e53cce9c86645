package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.internal.codec.ByteSink;
import dev.beanstalk.client.internal.protocol.CommandType;
import dev.beanstalk.client.internal.protocol.Commands;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The write side of a {@link ProtocolConnection}: one caller at a time becomes the writer and encodes and writes
 * everything queued. A batch is encoded whole or not at all, so a failure while encoding (even an
 * {@link OutOfMemoryError}) fails only that batch's commands and leaves the stream as it was. Each socket write has a
 * deadline, enforced by {@link IoDeadlines}.
 */
final class CommandWriter {

    private static final int MAX_RETAINED_WRITE_BUFFER = 64 * 1024;

    private final ProtocolConnection connection;
    private final OutputStream out;
    private final long writeTimeoutNanos;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ByteSink sink = new ByteSink(4096);
    private final ConcurrentLinkedQueue<Pending<?>> quitWritten = new ConcurrentLinkedQueue<>();
    private final List<Pending<?>> encoded = new ArrayList<>();
    /** The tube the server uses once it has read what was written, or null when a failed use put it in doubt. */
    private String tube = "default";
    private Pending<?> last;
    private volatile boolean tubeInDoubt;
    private volatile boolean inWrite;
    private volatile long writeDeadline;

    CommandWriter(ProtocolConnection connection, OutputStream out, long writeTimeoutNanos) {
        this.connection = connection;
        this.out = out;
        this.writeTimeoutNanos = writeTimeoutNanos;
    }

    /**
     * Becomes the one writer if nobody is, and writes what was queued until nothing is left; the flag is checked again
     * after it is released, so a batch queued meanwhile is never stranded. A caller writes others' commands for at
     * most the write timeout: then what is left is handed to the reader executor. Returns whether a command without
     * a waiter was written, so that something must read its reply.
     */
    boolean writeOut() {
        boolean unread = false;
        while (!connection.submitted.isEmpty() && connection.corked.get() == 0 && writing.compareAndSet(false, true)) {
            long start = System.nanoTime();
            boolean handOff = false;
            try {
                if (tubeInDoubt) {
                    tubeInDoubt = false;
                    tube = null;
                }
                List<? extends Pending<?>> batch;
                while ((batch = connection.submitted.poll()) != null) {
                    unread |= encode(batch);
                    if (sink.size() >= MAX_RETAINED_WRITE_BUFFER) {
                        writeSink();
                        if (System.nanoTime() - start - writeTimeoutNanos > 0) {
                            handOff = true;
                            break;
                        }
                    }
                }
                writeSink();
            } finally {
                writing.set(false);
            }
            if (connection.failure() != null) {
                break;
            }
            if (handOff) {
                connection.scheduleWrite();
                break;
            }
        }
        return unread;
    }

    /** A {@code use} failed: the next command bound to a tube sends its own {@code use} again. */
    void tubeInDoubt() {
        tubeInDoubt = true;
    }

    boolean overdue(long now) {
        return inWrite && now - writeDeadline > 0;
    }

    void failWritten(BeanstalkException error) {
        Pending<?> p;
        while ((p = quitWritten.poll()) != null) {
            p.fail(error);
        }
    }

    /** Encodes a batch whole, with a {@code use} before a command bound to another tube, and queues it for replies. */
    private boolean encode(List<? extends Pending<?>> batch) {
        int mark = sink.size();
        String used = tube;
        try {
            for (Pending<?> p : batch) {
                if (!p.markWritten()) {
                    continue; // withdrawn by its caller
                }
                if (p.tube != null && !p.tube.equals(used)) {
                    Pending<String> use = new Pending<>(null, Commands.use(p.tube));
                    use.sameClockAs(p);
                    use.command.encode(sink);
                    encoded.add(use);
                    used = p.tube;
                }
                p.command.encode(sink);
                if (p.command.type() == CommandType.USE) {
                    used = p.command.usedTube();
                }
                encoded.add(p);
            }
        } catch (RuntimeException | Error e) {
            sink.truncate(mark);
            encoded.clear();
            BeanstalkException error = new BeanstalkException("could not encode a batch of " + batch.size()
                    + " commands (" + e + "); none of them was sent", e);
            for (Pending<?> p : batch) {
                p.fail(error);
            }
            return false;
        }
        tube = used;
        boolean unread = false;
        for (Pending<?> p : encoded) {
            if (last != null && !last.isDone()) {
                p.notBefore(last);
            }
            if (p.command.type() == CommandType.QUIT) {
                quitWritten.add(p);
                continue;
            }
            last = p;
            connection.pending.add(p);
            unread |= p.async;
        }
        encoded.clear();
        return unread;
    }

    private void writeSink() {
        if (sink.size() == 0) {
            return;
        }
        try {
            if (connection.failure() == null) {
                writeDeadline = System.nanoTime() + writeTimeoutNanos;
                inWrite = true;
                out.write(sink.array(), 0, sink.size());
            }
        } catch (IOException e) {
            connection.fail(new BeanstalkConnectionException("could not write to " + connection.description() + ": "
                    + e.getMessage(), e));
        } finally {
            inWrite = false;
            sink.reset();
            sink.trim(MAX_RETAINED_WRITE_BUFFER);
        }
        Pending<?> quit;
        while ((quit = quitWritten.poll()) != null) {
            quit.succeed(null);
        }
    }
}
