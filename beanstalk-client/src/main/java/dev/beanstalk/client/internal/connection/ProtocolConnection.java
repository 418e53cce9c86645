package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.BeanstalkException;
import dev.beanstalk.client.BeanstalkProtocolException;
import dev.beanstalk.client.BeanstalkServerException;
import dev.beanstalk.client.BeanstalkTimeoutException;
import dev.beanstalk.client.internal.codec.ByteSink;
import dev.beanstalk.client.internal.codec.ReplyReader;
import dev.beanstalk.client.internal.protocol.Command;
import dev.beanstalk.client.internal.protocol.CommandType;
import dev.beanstalk.client.internal.protocol.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One socket to beanstalkd, shared safely by many threads, with any number of commands in flight.
 *
 * <p>Callers queue their commands without locking; one of them at a time becomes the writer, encodes everything
 * queued and writes it at once, so that concurrent callers share writes. Replies come back in the order written.
 * There is no reader thread for synchronous calls: the caller whose reply is due reads it, and completes the replies
 * of others it finds on the way. Asynchronous calls with nobody waiting are read by a task on the reader executor.
 *
 * <p>Any I/O error, timeout or malformed reply closes the connection and fails every command in flight, because the
 * stream can no longer be trusted to be in step with the queue.
 */
public final class ProtocolConnection implements AutoCloseable {

    private static final int MAX_RETAINED_WRITE_BUFFER = 64 * 1024;
    private static final int BATCH = 512;

    private final Socket socket;
    private final OutputStream out;
    private final ReplyReader reader;
    private final Command.ReplyLimits limits;
    private final int readTimeoutMillis;
    private final String description;
    private final Executor readerExecutor;

    private final ConcurrentLinkedQueue<List<? extends Pending<?>>> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicInteger corked = new AtomicInteger();
    private final ByteSink sink = new ByteSink(4096);
    private final ConcurrentLinkedQueue<Pending<?>> quitWritten = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pending<?>> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock readLock = new ReentrantLock();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    private volatile String usedTube = "default";
    private volatile long readDeadline;
    private volatile int readTimeoutInForce;
    private volatile BeanstalkException failure;
    private volatile boolean retiring;

    public ProtocolConnection(Socket socket, Command.ReplyLimits limits, int readTimeoutMillis, Executor readerExecutor)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        this.reader = new ReplyReader(in, 64 * 1024);
        this.limits = limits;
        this.readTimeoutMillis = readTimeoutMillis;
        this.readerExecutor = readerExecutor;
        this.description = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        ReadTimeouts.watch(this);
    }

    /** Sends a command and waits for its reply, reading on this thread when the reply is due. */
    public <T> T execute(Command<T> command) {
        return await(send(new Pending<>(null, command)));
    }

    /** Sends a command in {@code tube} (a {@code use} is written first when needed) and waits for its reply. */
    public <T> T execute(String tube, Command<T> command) {
        return await(send(new Pending<>(tube, command)));
    }

    /**
     * Sends a command; the future completes when its reply is read, on whichever thread reads it: the reader task,
     * which the writer starts once the command is written, or a synchronous caller reading ahead.
     */
    public <T> CompletableFuture<T> executeAsync(String tube, Command<T> command) {
        Pending<T> p = new Pending<>(tube, command);
        p.async = true;
        return send(p);
    }

    /**
     * Sends the commands in large writes, in {@code tube} unless it is null, and waits for all their replies; replies
     * are read while later commands are written, so the server never stalls on a full socket.
     */
    public <T> List<T> executeAll(String tube, List<Command<T>> commands) {
        List<Pending<T>> sent = new ArrayList<>(commands.size());
        for (int from = 0; from < commands.size(); from += BATCH) {
            List<Pending<T>> batch = new ArrayList<>(BATCH);
            for (Command<T> command : commands.subList(from, Math.min(commands.size(), from + BATCH))) {
                Pending<T> p = new Pending<>(tube, command);
                p.async = true;
                batch.add(p);
            }
            submit(batch);
            sent.addAll(batch);
        }
        List<T> results = new ArrayList<>(sent.size());
        for (Pending<T> p : sent) {
            results.add(await(p));
        }
        return results;
    }

    /** Sends two commands in one write and waits for both replies; the first one's failure does not stop the second. */
    public <A, B> Object[] executePair(Command<A> first, Command<B> second) {
        Pending<A> a = new Pending<>(null, first);
        Pending<B> b = new Pending<>(null, second);
        submit(List.of(a, b));
        Object firstResult;
        try {
            firstResult = await(a);
        } catch (BeanstalkServerException e) {
            firstResult = e;
        }
        return new Object[] {firstResult, await(b)};
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
        return pending.isEmpty() && submitted.isEmpty();
    }

    /** Whether the connection can still carry commands. */
    public boolean isOpen() {
        return failure == null;
    }

    /** The tube this connection's puts and peeks go to, as of the last command written. */
    public String usedTube() {
        return usedTube;
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

    private <T> Pending<T> send(Pending<T> p) {
        submit(List.of(p));
        return p;
    }

    /** Queues commands to be written together, then writes unless another caller is writing already. */
    private void submit(List<? extends Pending<?>> batch) {
        ensureOpen();
        submitted.add(batch);
        if (failure != null) {
            failQueued();
        }
        writeOut();
    }

    /**
     * Becomes the one writer if nobody is, and encodes and writes what was queued until nothing is left; the flag is
     * checked again after it is released, so a batch queued meanwhile is never stranded.
     */
    private void writeOut() {
        while (!submitted.isEmpty() && corked.get() == 0 && writing.compareAndSet(false, true)) {
            boolean unread = false;
            try {
                List<? extends Pending<?>> batch;
                while ((batch = submitted.poll()) != null) {
                    for (Pending<?> p : batch) {
                        encode(p);
                        unread |= p.async;
                    }
                    if (sink.size() >= MAX_RETAINED_WRITE_BUFFER) {
                        writeSink();
                    }
                }
                writeSink();
            } finally {
                writing.set(false);
            }
            if (unread) {
                scheduleDrain();
            }
            if (failure != null) {
                failQueued();
                return;
            }
        }
    }

    private void encode(Pending<?> p) {
        if (p.tube != null && !p.tube.equals(usedTube)) {
            Command<String> use = Commands.use(p.tube);
            use.encode(sink);
            usedTube = p.tube;
            pending.add(new Pending<>(null, use));
        }
        p.command.encode(sink);
        if (p.command.type() == CommandType.USE) {
            usedTube = p.command.usedTube();
        }
        if (p.command.type() != CommandType.QUIT) {
            pending.add(p);
        } else {
            quitWritten.add(p);
        }
    }

    private void writeSink() {
        if (sink.size() == 0) {
            return;
        }
        try {
            if (failure == null) {
                out.write(sink.array(), 0, sink.size());
            }
        } catch (IOException e) {
            fail(new BeanstalkConnectionException("could not write to " + description + ": " + e.getMessage(), e));
        } finally {
            sink.reset();
            sink.trim(MAX_RETAINED_WRITE_BUFFER);
        }
        Pending<?> quit;
        while ((quit = quitWritten.poll()) != null) {
            quit.succeed(null);
        }
        if (failure != null) {
            failQueued();
        }
    }

    private void ensureOpen() {
        BeanstalkException error = failure;
        if (error != null) {
            throw new BeanstalkConnectionException("connection to " + description + " is closed: " + error.getMessage(),
                    error);
        }
    }

    private <T> T await(Pending<T> p) {
        p.waiter = Thread.currentThread();
        boolean interrupted = false;
        while (!p.isDone()) {
            if (readLock.tryLock()) {
                try {
                    readUntilDone(p);
                } finally {
                    readLock.unlock();
                }
                handOff();
            } else {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                    fail(new BeanstalkConnectionException("interrupted while waiting for a reply from " + description
                            + "; the connection was closed"));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result(p);
    }

    private static <T> T result(Pending<T> p) {
        try {
            return p.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BeanstalkConnectionException("interrupted", e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BeanstalkTimeoutException e) {
            // a fresh exception of the same type, so the caller's stack shows where it waited
            return new BeanstalkTimeoutException(e.getMessage(), e);
        }
        if (cause instanceof BeanstalkConnectionException e) {
            // a fresh exception, so the caller's stack shows where it waited
            return new BeanstalkConnectionException(e.getMessage(), e);
        }
        if (cause instanceof RuntimeException e) {
            return e;
        }
        return new BeanstalkException(cause.getMessage(), cause);
    }

    /** Reads replies until {@code p} is complete, then those already buffered, so their waiters wake together. */
    private void readUntilDone(Pending<?> p) {
        while (!p.isDone() && failure == null) {
            readOne();
        }
        while (failure == null && !pending.isEmpty() && reader.hasBufferedLine()) {
            readOne();
        }
    }

    /** After giving up the read lock: wakes a thread waiting further down the queue, or schedules the drain task. */
    private void handOff() {
        if (pending.isEmpty() || failure != null) {
            return;
        }
        for (Pending<?> p : pending) {
            Thread waiter = p.waiter;
            if (waiter != null) {
                LockSupport.unpark(waiter);
                return;
            }
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true)) {
            try {
                readerExecutor.execute(drain);
            } catch (RuntimeException e) {
                drainScheduled.set(false);
                fail(new BeanstalkConnectionException("could not start reading replies: " + e.getMessage(), e));
            }
        }
    }

    private void drain() {
        while (true) {
            readLock.lock();
            try {
                while (failure == null && !pending.isEmpty()) {
                    readOne();
                }
            } finally {
                readLock.unlock();
            }
            drainScheduled.set(false);
            if (failure != null || pending.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void readOne() {
        Pending<Object> head = (Pending<Object>) pending.peek();
        if (head == null) {
            Thread.yield(); // the awaited command is queued, and another caller is about to write it
            return;
        }
        Object value;
        try {
            startDeadline(head.command.readTimeoutMillis(readTimeoutMillis));
            reader.nextLine();
            value = head.command.decode(reader, limits);
            readDeadline = 0;
        } catch (BeanstalkServerException e) {
            pending.poll();
            head.fail(e);
            if (Commands.desynchronises(head.command, e)) {
                fail(new BeanstalkProtocolException("the server rejected a " + head.command + " command line ("
                        + e.reply() + ") and read its body as commands; the connection was closed"));
            }
            closeIfRetired();
            return;
        } catch (IOException e) {
            fail(new BeanstalkConnectionException("connection to " + description + " failed while reading the reply to "
                    + head.command + ": " + e.getMessage(), e));
            return;
        } catch (BeanstalkException e) {
            fail(e);
            return;
        }
        pending.poll();
        head.succeed(value);
        closeIfRetired();
    }

    private void closeIfRetired() {
        if (retiring && failure == null && isIdle()) {
            close();
        }
    }

    private void startDeadline(int timeoutMillis) {
        readTimeoutInForce = timeoutMillis;
        readDeadline = timeoutMillis == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Called by {@link ReadTimeouts}: fails the connection when the reply being read is overdue. */
    void expireIfOverdue(long now) {
        long deadline = readDeadline;
        if (deadline != 0 && now - deadline > 0 && failure == null) {
            Pending<?> head = pending.peek();
            fail(new BeanstalkTimeoutException("no reply to " + (head == null ? "a command" : head.command) + " from "
                    + description + " within " + readTimeoutInForce + " ms; the connection was closed", null));
        }
    }

    /** Closes the socket and fails every command in flight with {@code error}; the first error wins. */
    private void fail(BeanstalkException error) {
        synchronized (pending) {
            if (failure == null) {
                failure = error;
            }
        }
        ReadTimeouts.unwatch(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
        failQueued();
    }

    /** Fails every command written or queued; safe to call again, as a racing writer may queue more. */
    private void failQueued() {
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
        while ((p = quitWritten.poll()) != null) {
            p.fail(error);
        }
    }
}
