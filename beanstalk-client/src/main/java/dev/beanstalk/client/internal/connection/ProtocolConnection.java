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
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One socket to beanstalkd, shared safely by many threads, with any number of commands in flight.
 *
 * <p>Writers encode under a lock and queue what they wait for; replies come back in the same order. There is no
 * reader thread for synchronous calls: the caller whose reply is due reads it, and completes the replies of others
 * it finds on the way. Asynchronous calls with nobody waiting are read by a task on the reader executor.
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

    private final ReentrantLock writeLock = new ReentrantLock();
    private final ByteSink sink = new ByteSink(4096);
    private final ConcurrentLinkedQueue<Pending<?>> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock readLock = new ReentrantLock();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    private String usedTube = "default";
    private int currentSoTimeout = -1;
    private volatile BeanstalkException failure;

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
    }

    /** Sends a command and waits for its reply, reading on this thread when the reply is due. */
    public <T> T execute(Command<T> command) {
        return await(send(null, command));
    }

    /** Sends a command in {@code tube} (a {@code use} is written first when needed) and waits for its reply. */
    public <T> T execute(String tube, Command<T> command) {
        return await(send(tube, command));
    }

    /** Sends a command; the future completes when its reply is read, on whichever thread reads it. */
    public <T> CompletableFuture<T> executeAsync(String tube, Command<T> command) {
        Pending<T> p = send(tube, command);
        scheduleDrain();
        return p;
    }

    /**
     * Sends the commands in large writes, in {@code tube} unless it is null, and waits for all their replies; replies
     * are read while later commands are written, so the server never stalls on a full socket.
     */
    public <T> List<T> executeAll(String tube, List<Command<T>> commands) {
        List<Pending<T>> sent = new ArrayList<>(commands.size());
        for (int from = 0; from < commands.size(); from += BATCH) {
            sent.addAll(sendAll(tube, commands.subList(from, Math.min(commands.size(), from + BATCH))));
            scheduleDrain();
        }
        List<T> results = new ArrayList<>(sent.size());
        for (Pending<T> p : sent) {
            results.add(await(p));
        }
        return results;
    }

    /** Sends two commands in one write and waits for both replies; the first one's failure does not stop the second. */
    public <A, B> Object[] executePair(Command<A> first, Command<B> second) {
        Pending<A> a = new Pending<>(first);
        Pending<B> b = new Pending<>(second);
        writeLock.lock();
        try {
            ensureOpen();
            sink.reset();
            encode(first, a);
            encode(second, b);
            flush();
        } finally {
            writeLock.unlock();
        }
        Object firstResult;
        try {
            firstResult = await(a);
        } catch (BeanstalkServerException e) {
            firstResult = e;
        }
        return new Object[] {firstResult, await(b)};
    }

    /** Whether the connection can still carry commands. */
    public boolean isOpen() {
        return failure == null;
    }

    /** The tube this connection's puts and peeks go to, as of the last command written. */
    public String usedTube() {
        writeLock.lock();
        try {
            return usedTube;
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes {@code quit} when the connection is open, then closes it; commands in flight fail. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (failure == null) {
                sink.reset();
                Commands.quit().encode(sink);
                out.write(sink.array(), 0, sink.size());
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        } finally {
            writeLock.unlock();
        }
        fail(new BeanstalkConnectionException("connection to " + description + " was closed"));
    }

    @Override
    public String toString() {
        return "ProtocolConnection[" + description + (failure == null ? "" : ", closed") + "]";
    }

    private <T> Pending<T> send(String tube, Command<T> command) {
        Pending<T> p = new Pending<>(command);
        writeLock.lock();
        try {
            ensureOpen();
            sink.reset();
            encodeUse(tube);
            encode(command, p);
            flush();
        } finally {
            writeLock.unlock();
        }
        return p;
    }

    private <T> List<Pending<T>> sendAll(String tube, List<Command<T>> commands) {
        List<Pending<T>> sent = commands.stream().map(Pending::new).toList();
        writeLock.lock();
        try {
            ensureOpen();
            sink.reset();
            encodeUse(tube);
            for (Pending<T> p : sent) {
                encode(p.command, p);
            }
            flush();
        } finally {
            writeLock.unlock();
        }
        return sent;
    }

    private void encodeUse(String tube) {
        if (tube != null && !tube.equals(usedTube)) {
            Command<String> use = Commands.use(tube);
            encode(use, new Pending<>(use));
        }
    }

    private void encode(Command<?> command, Pending<?> p) {
        command.encode(sink);
        if (command.type() == CommandType.USE) {
            usedTube = command.usedTube();
        }
        pending.add(p);
    }

    private void flush() {
        try {
            out.write(sink.array(), 0, sink.size());
        } catch (IOException e) {
            fail(new BeanstalkConnectionException("could not write to " + description + ": " + e.getMessage(), e));
        } finally {
            sink.trim(MAX_RETAINED_WRITE_BUFFER);
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
            return;
        }
        Object value;
        try {
            setSoTimeout(head.command.readTimeoutMillis(readTimeoutMillis));
            reader.nextLine();
            value = head.command.decode(reader, limits);
        } catch (BeanstalkServerException e) {
            pending.poll();
            head.fail(e);
            if (Commands.desynchronises(head.command, e)) {
                fail(new BeanstalkProtocolException("the server rejected a " + head.command + " command line ("
                        + e.reply() + ") and read its body as commands; the connection was closed"));
            }
            return;
        } catch (SocketTimeoutException e) {
            fail(new BeanstalkTimeoutException("no reply to " + head.command + " from " + description + " within "
                    + currentSoTimeout + " ms; the connection was closed", e));
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
    }

    private void setSoTimeout(int millis) throws IOException {
        if (millis != currentSoTimeout) {
            socket.setSoTimeout(millis);
            currentSoTimeout = millis;
        }
    }

    /** Closes the socket and fails every command in flight with {@code error}; the first error wins. */
    private void fail(BeanstalkException error) {
        synchronized (pending) {
            if (failure == null) {
                failure = error;
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
        Pending<?> p;
        while ((p = pending.poll()) != null) {
            p.fail(failure);
        }
    }
}
