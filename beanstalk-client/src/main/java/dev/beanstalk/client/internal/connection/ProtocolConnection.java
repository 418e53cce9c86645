package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.BeanstalkServerException;
import dev.beanstalk.client.BeanstalkTimeoutException;
import dev.beanstalk.client.internal.protocol.Command;
import dev.beanstalk.client.internal.protocol.Commands;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One socket to beanstalkd, shared safely by many threads, with up to a bounded number of commands in flight.
 *
 * <p>Callers queue their commands without locking; one of them at a time becomes the writer and writes everything
 * queued at once, so that concurrent callers share writes ({@link CommandWriter}). Replies come back in the order
 * written. There is no reader thread for synchronous calls: the caller whose reply is due reads it, and completes the
 * replies of others it finds on the way. Asynchronous calls with nobody waiting are read by a task on the reader
 * executor, whose daemon threads are named {@code beanstalk-reader-N}.
 *
 * <p>Every command has a deadline: its timeout from the moment it is queued, and never before the deadline of the
 * command ahead of it. A caller waits for room, for its write and for its reply within its deadline; an interrupted
 * caller stops waiting without disturbing the connection. Any I/O error, overdue reply or write, or malformed reply
 * closes the connection and fails every command in flight, because the stream can no longer be trusted.
 */
public final class ProtocolConnection implements AutoCloseable {

    static final int BATCH = 512;

    private final Socket socket;
    final ReplyReading reading;
    private final Waits waits = new Waits(this);
    private final CommandWriter writer;
    final long readTimeoutNanos;
    private final int readTimeoutMillis;
    private final String description;
    private final Executor executor;
    final InFlightLimit room;
    final ReaderTask readerTask;

    final ConcurrentLinkedQueue<List<? extends Pending<?>>> submitted = new ConcurrentLinkedQueue<>();
    final AtomicInteger corked = new AtomicInteger();
    final ConcurrentLinkedQueue<Pending<?>> pending = new ConcurrentLinkedQueue<>();
    final ReentrantLock readLock = new ReentrantLock();
    private volatile BeanstalkException failure;
    private volatile boolean retiring;

    public ProtocolConnection(Socket socket, Command.ReplyLimits limits, int readTimeoutMillis, int maxInFlight,
            Executor executor) throws IOException {
        this.socket = socket;
        this.description = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        this.readTimeoutMillis = readTimeoutMillis;
        this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        this.executor = executor;
        this.room = new InFlightLimit(maxInFlight, BATCH);
        this.readerTask = new ReaderTask(this, executor);
        this.reading = new ReplyReading(this, socket.getInputStream(), limits);
        this.writer = new CommandWriter(this, socket.getOutputStream(), readTimeoutNanos);
        IoDeadlines.watch(this);
    }

    /** Sends a command and waits for its reply, reading on this thread when the reply is due. */
    public <T> T execute(Command<T> command) {
        return execute(null, command);
    }

    /** Sends a command in {@code tube} (a {@code use} is written first when needed) and waits for its reply. */
    public <T> T execute(String tube, Command<T> command) {
        Pending<T> p = new Pending<>(tube, command);
        p.waiter = Thread.currentThread();
        send(List.of(p));
        return waits.await(p);
    }

    /**
     * Sends a command; the future completes when its reply is read, on the thread that reads it: a caller of this
     * connection reading ahead or a {@code beanstalk-reader} thread, never the deadline sweeper. Whatever fails at run
     * time fails the future; nothing is thrown.
     */
    public <T> CompletableFuture<T> executeAsync(String tube, Command<T> command) {
        Pending<T> p = new Pending<>(tube, command);
        p.async = true;
        try {
            send(List.of(p));
        } catch (BeanstalkException e) {
            p.fail(e);
        }
        return p;
    }

    /**
     * Sends the commands in large writes, in {@code tube} unless it is null, reading replies while it waits for room,
     * and returns their futures once every one is complete: a command that could not be sent fails with the reason.
     */
    public <T> List<CompletableFuture<T>> executeAll(String tube, List<Command<T>> commands) {
        List<CompletableFuture<T>> sent = new ArrayList<>(commands.size());
        BeanstalkException unsent = null;
        int size = Math.min(BATCH, room.max());
        for (int from = 0; from < commands.size(); from += size) {
            List<Pending<T>> batch = new ArrayList<>(size);
            for (Command<T> command : commands.subList(from, Math.min(commands.size(), from + size))) {
                Pending<T> p = new Pending<>(tube, command);
                p.async = true;
                batch.add(p);
            }
            sent.addAll(batch);
            if (unsent == null) {
                try {
                    send(batch);
                } catch (BeanstalkException e) {
                    unsent = e;
                }
            }
            if (unsent != null) {
                for (Pending<T> p : batch) {
                    p.fail(unsent);
                }
            }
        }
        boolean interrupted = false;
        // replies complete in order, so once the last is awaited the others are done: one wake-up, not one each
        for (int i = sent.size() - 1; i >= 0; i--) {
            interrupted |= waits.awaitUninterruptibly((Pending<T>) sent.get(i));
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return sent;
    }

    /** Sends two commands in one write and waits for both replies; the first one's failure does not stop the second. */
    public <A, B> Object[] executePair(Command<A> first, Command<B> second) {
        Pending<A> a = new Pending<>(null, first);
        Pending<B> b = new Pending<>(null, second);
        a.waiter = Thread.currentThread();
        b.waiter = Thread.currentThread();
        send(List.of(a, b));
        Object firstResult;
        try {
            firstResult = waits.await(a);
        } catch (BeanstalkServerException e) {
            firstResult = e;
        }
        return new Object[] {firstResult, waits.await(b)};
    }

    /**
     * Holds back writing while {@code commands} queue theirs, then writes them all at once; other callers' commands
     * queued meanwhile go in the same write.
     */
    public void inOneWrite(Runnable commands) {
        corked.incrementAndGet();
        try {
            commands.run();
        } finally {
            corked.decrementAndGet();
            writeOut();
        }
    }

    /** Whether no command is in flight. */
    public boolean isIdle() {
        return room.inFlight() == 0;
    }

    /** Whether the connection can still carry commands. */
    public boolean isOpen() {
        return failure == null;
    }

    /** The tube this connection's puts and peeks go to, as the server last confirmed it. */
    public String usedTube() {
        return reading.confirmedTube();
    }

    /**
     * Closes the connection once the commands in flight have their replies, for a pool that stopped handing it out;
     * a command sent after that fails without reaching the server.
     */
    public void closeWhenIdle() {
        retiring = true;
        if (isIdle()) {
            close();
        }
    }

    /** Writes {@code quit} when the connection is open, then closes it; commands in flight fail. */
    @Override
    public void close() {
        if (failure == null) {
            Pending<Void> quit = new Pending<>(null, Commands.quit());
            try {
                submit(List.of(quit));
                quit.get(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BeanstalkException | ExecutionException | TimeoutException ignored) {
                // closing anyway
            }
        }
        fail(new BeanstalkConnectionException("connection to " + description + " was closed"));
    }

    @Override
    public String toString() {
        return "ProtocolConnection[" + description + (failure == null ? "" : ", closed") + "]";
    }

    String description() {
        return description;
    }

    int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    long timeoutNanos(Command<?> command) {
        return TimeUnit.MILLISECONDS.toNanos(command.readTimeoutMillis(readTimeoutMillis));
    }

    void writerTubeInDoubt() {
        writer.tubeInDoubt();
    }

    BeanstalkException failure() {
        return failure;
    }

    /** Takes room for {@code batch} within the read timeout, starts its clocks and queues it. */
    private void send(List<? extends Pending<?>> batch) {
        waits.awaitRoom(batch.size());
        for (Pending<?> p : batch) {
            p.holdRoom(room);
            p.startClock(timeoutNanos(p.command));
        }
        submit(batch);
    }

    /** Queues commands of the connection's own, which take no room, such as {@code quit}. */
    void submitInternal(Pending<?> p) {
        p.startClock(timeoutNanos(p.command));
        p.async = true;
        submit(List.of(p));
    }

    /** Queues commands to be written together, then writes unless another caller is writing already. */
    private void submit(List<? extends Pending<?>> batch) {
        BeanstalkException error = failure;
        if (error != null) {
            BeanstalkConnectionException closed = new BeanstalkConnectionException("connection to " + description
                    + " is closed: " + error.getMessage(), error);
            for (Pending<?> p : batch) {
                p.fail(closed);
            }
            throw closed;
        }
        submitted.add(batch);
        if (failure != null) {
            failQueued();
        }
        writeOut();
    }

    /** Writes what is queued unless another caller is writing; then lets a parked waiter or the drain task read. */
    void writeOut() {
        boolean unread = writer.writeOut();
        if (unread) {
            readerTask.schedule();
        }
        if (!readLock.isLocked()) {
            readerTask.handOff();
        }
        if (failure != null) {
            failQueued();
        }
    }

    /** Hands writing what is queued to the reader executor, so that no caller writes others' backlog for long. */
    void scheduleWrite() {
        try {
            executor.execute(this::writeOut);
        } catch (RuntimeException e) {
            fail(new BeanstalkConnectionException("could not start writing commands: " + e.getMessage(), e));
        }
    }

    void closeIfRetired() {
        if (retiring && failure == null && isIdle()) {
            close();
        }
    }

    /** Called by {@link IoDeadlines}: closes the socket when a write or the reply being read is overdue. */
    void expireIfOverdue(long now) {
        if (failure != null) {
            return;
        }
        if (writer.overdue(now)) {
            failLater(new BeanstalkTimeoutException("could not write to " + description + " within "
                    + readTimeoutMillis + " ms, as the server does not read; the connection was closed", null));
        }
        Pending<?> head = reading.current();
        if (head != null && head.overdue(now)) {
            failLater(new BeanstalkTimeoutException("no reply to " + head.command + " from " + description + " within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos(head.command)) + " ms; the connection was closed",
                    null));
        }
    }

    /** Closes the socket now and fails the commands in flight on the executor, off the calling sweeper. */
    private void failLater(BeanstalkException error) {
        if (close(error)) {
            try {
                executor.execute(this::failQueued);
            } catch (RuntimeException e) {
                failQueued();
            }
        }
    }

    /** Closes the socket and fails every command in flight with {@code error}; the first error wins. */
    void fail(BeanstalkException error) {
        close(error);
        failQueued();
    }

    private boolean close(BeanstalkException error) {
        boolean first;
        synchronized (pending) {
            first = failure == null;
            if (first) {
                failure = error;
            }
        }
        IoDeadlines.unwatch(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
        return first;
    }

    /** Fails every command written or queued; safe to call again, as a racing writer may queue more. */
    void failQueued() {
        BeanstalkException error = failure;
        Pending<?> p;
        while ((p = pending.poll()) != null) {
            p.fail(error);
        }
        List<? extends Pending<?>> batch;
        while ((batch = submitted.poll()) != null) {
            for (Pending<?> queued : batch) {
                queued.fail(error);
            }
        }
        writer.failWritten(error);
    }
}
