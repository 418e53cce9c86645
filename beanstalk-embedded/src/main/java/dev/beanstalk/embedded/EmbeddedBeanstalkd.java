package dev.beanstalk.embedded;

import dev.beanstalk.embedded.internal.binlog.Binlog;
import dev.beanstalk.embedded.internal.network.EventLoop;
import dev.beanstalk.embedded.internal.server.Engine;
import dev.beanstalk.embedded.internal.server.ServerInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

/**
 * A beanstalkd 1.12 in this JVM, for development and tests: same commands, same replies, same edge cases, on one
 * background thread.
 *
 * <p>{@link #start()} binds the port and returns; the server then runs until {@link #stop()}. With a
 * {@linkplain Builder#binlogDirectory(Path) binlog directory} jobs survive a restart as they do in beanstalkd, in
 * beanstalkd's own binlog format (either server opens what the other wrote), and a second server on the same
 * directory, this one or beanstalkd, fails with {@link BinlogLockedException}.
 *
 * <pre>{@code
 * try (EmbeddedBeanstalkd server = EmbeddedBeanstalkd.builder().port(0).build().start()) {
 *     connect("127.0.0.1", server.port());
 * }
 * }</pre>
 */
public final class EmbeddedBeanstalkd implements AutoCloseable {

    /** beanstalkd's default {@code -z}. */
    public static final long DEFAULT_MAX_JOB_SIZE = 65_535;
    /** beanstalkd's largest {@code -z}; larger values are clamped to it. */
    public static final long MAX_JOB_SIZE_LIMIT = 1_073_741_824;

    private final String host;
    private final Path unixSocket;
    private final int requestedPort;
    private final long maxJobSize;
    private final Path binlogDirectory;
    private final long binlogFileSize;
    private final long syncRateNanos;
    private final boolean verbose;
    private EventLoop loop;
    private Thread thread;
    private Binlog binlog;
    private volatile Engine engine;
    private volatile boolean draining;
    private int port;

    private EmbeddedBeanstalkd(Builder builder) {
        this.host = builder.host;
        this.unixSocket = builder.unixSocket;
        this.requestedPort = builder.port;
        this.maxJobSize = builder.maxJobSize;
        this.binlogDirectory = builder.binlogDirectory;
        this.binlogFileSize = builder.binlogFileSize;
        this.syncRateNanos = builder.syncRateNanos;
        this.verbose = builder.verbose;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port, locks the binlog directory, and serves on a background thread; the binlog is replayed on that
     * thread, so connections made meanwhile wait for it.
     *
     * @throws UncheckedIOException when the port cannot be bound or the binlog directory cannot be used
     * @throws BinlogLockedException when another server holds the binlog directory
     */
    public synchronized EmbeddedBeanstalkd start() {
        if (thread != null) {
            return this;
        }
        try {
            binlog = binlogDirectory == null ? Binlog.disabled(binlogFileSize)
                    : Binlog.open(binlogDirectory, binlogFileSize, syncRateNanos);
        } catch (dev.beanstalk.embedded.internal.binlog.BinlogLockedException e) {
            throw new BinlogLockedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the binlog directory " + binlogDirectory, e);
        }
        ServerSocketChannel listener = null;
        try {
            listener = unixSocket == null ? listenTcp() : listenUnix();
            Binlog log = binlog;
            loop = new EventLoop(listener, () -> {
                Engine e = new Engine(ServerInfo.current(), maxJobSize, log);
                engine = e;
                if (draining) {
                    e.drain();
                }
                return e;
            }, verbose);
        } catch (IOException e) {
            closeQuietly(listener);
            binlog.close();
            throw new UncheckedIOException("Cannot listen on " + address() + ": " + e.getMessage(), e);
        }
        thread = new Thread(loop, "beanstalk-embedded-" + port);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private ServerSocketChannel listenTcp() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(host, requestedPort), 1024);
        port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        return listener;
    }

    /** As beanstalkd: a socket file left by an earlier server is replaced, any other file is an error. */
    private ServerSocketChannel listenUnix() throws IOException {
        if (Files.exists(unixSocket, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.readAttributes(unixSocket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                throw new IOException("another file already exists in the given path");
            }
            Files.delete(unixSocket);
        }
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(UnixDomainSocketAddress.of(unixSocket), 1024);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        port = 0;
        return listener;
    }

    /** The binlog directory ({@code -b}), or {@code null} when jobs do not survive a restart. */
    public Path binlogDirectory() {
        return binlogDirectory;
    }

    String address() {
        return unixSocket != null ? "unix:" + unixSocket : host + ":" + requestedPort;
    }

    /** The host the server listens on. */
    public String host() {
        return host;
    }

    /** The UNIX socket the server listens on instead of a TCP port, or {@code null}. */
    public Path unixSocket() {
        return unixSocket;
    }

    /**
     * The port the server listens on, known once {@link #start()} returned (also when 0 was asked for); 0 on a
     * {@linkplain Builder#unixSocket(Path) UNIX socket}.
     */
    public int port() {
        if (thread == null) {
            throw new IllegalStateException("the server is not started");
        }
        return port;
    }

    public boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /**
     * Enters drain mode, as SIGUSR1 does to beanstalkd: every later put is answered {@code DRAINING}. Safe from any
     * thread and at any moment, also before {@link #start()} or while the binlog is replayed.
     */
    public void drain() {
        draining = true;
        Engine e = engine;
        if (e != null) {
            e.drain();
        }
    }

    /** Closes every connection and the listener and releases the binlog; jobs survive only in the binlog. */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        loop.shutdown();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        binlog.close();
        thread = null;
        loop = null;
        engine = null;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "embedded beanstalkd at " + (unixSocket != null ? "unix:" + unixSocket : host + ":" + port);
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    /** Options of a server, with beanstalkd's defaults. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private Path unixSocket;
        private int port;
        private long maxJobSize = DEFAULT_MAX_JOB_SIZE;
        private Path binlogDirectory;
        private long binlogFileSize = Binlog.DEFAULT_FILE_SIZE;
        private long syncRateNanos = Duration.ofMillis(50).toNanos();
        private boolean verbose;

        private Builder() {
        }

        /** The address to listen on ({@code -l}); {@code 127.0.0.1} by default, {@code 0.0.0.0} for every interface. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Listens on a UNIX socket instead of TCP ({@code -l unix:PATH}); a socket file left there by an earlier
         * server is replaced, as beanstalkd does, while any other file makes {@link #start()} fail.
         */
        public Builder unixSocket(Path path) {
            this.unixSocket = Objects.requireNonNull(path, "path");
            return this;
        }

        /** The port ({@code -p}); 0, the default, picks a free one, which {@link #port()} then tells. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The largest job body in bytes ({@code -z}); values above 1073741824 are clamped to it, as beanstalkd does. */
        public Builder maxJobSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxJobSize must not be negative, was " + bytes);
            }
            this.maxJobSize = Math.min(bytes, MAX_JOB_SIZE_LIMIT);
            return this;
        }

        /** The binlog directory ({@code -b}), created if missing; without one nothing survives a restart. */
        public Builder binlogDirectory(Path directory) {
            this.binlogDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The size of each binlog file ({@code -s}); 10485760 by default. Any size works, as in beanstalkd: a file
         * holds at least one record, so a tiny size means a file per job.
         */
        public Builder binlogFileSize(long bytes) {
            if (bytes < 0 || bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("binlogFileSize must be between 0 and " + Integer.MAX_VALUE
                        + ", was " + bytes);
            }
            this.binlogFileSize = bytes;
            return this;
        }

        /** fsync the binlog at most once per {@code interval} ({@code -f}); zero syncs after every write. */
        public Builder fsyncInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("fsyncInterval must not be negative, was " + interval);
            }
            this.syncRateNanos = interval.toNanos();
            return this;
        }

        /** Never fsync the binlog ({@code -F}). */
        public Builder fsyncNever() {
            this.syncRateNanos = -1;
            return this;
        }

        /** Prints connections as they are accepted and closed ({@code -V}). */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        public EmbeddedBeanstalkd build() {
            return new EmbeddedBeanstalkd(this);
        }
    }
}
