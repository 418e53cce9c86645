package dev.beanstalk.test;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code beanstalkd} process on a free loopback port, found on {@code PATH} or at the path in the
 * {@code BEANSTALKD} environment variable.
 *
 * <p>{@link #restart()} keeps the port and the binlog directory, so a test can check what survives a restart. When no
 * binary can be found, {@link #start()} fails with a message that names the command to install one.
 */
public final class BeanstalkdServer implements AutoCloseable {

    /** The command that installs beanstalkd on the Debian family, named in every "not found" message. */
    public static final String INSTALL_HINT = "apt-get update && apt-get install -y beanstalkd";

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final Path binary;
    private final long maxJobSize;
    private final Path binlogDirectory;
    private final List<String> extraArguments;
    private int port;
    private Process process;

    private BeanstalkdServer(Builder builder) {
        this.binary = builder.binary != null ? builder.binary : locateBinary();
        this.maxJobSize = builder.maxJobSize;
        this.binlogDirectory = builder.binlogDirectory;
        this.extraArguments = List.copyOf(builder.extraArguments);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server with beanstalkd's defaults; the caller stops it with {@link #close()}. */
    public static BeanstalkdServer startDefault() {
        return builder().build().start();
    }

    /** Starts the process on a free port and waits until it accepts connections. */
    public synchronized BeanstalkdServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (port == 0) {
            port = freePort();
        }
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("-l");
        command.add("127.0.0.1");
        command.add("-p");
        command.add(Integer.toString(port));
        if (maxJobSize > 0) {
            command.add("-z");
            command.add(Long.toString(maxJobSize));
        }
        if (binlogDirectory != null) {
            command.add("-b");
            command.add(binlogDirectory.toString());
        }
        command.addAll(extraArguments);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command + ": " + e.getMessage(), e);
        }
        awaitListening();
        return this;
    }

    /** Stops the process with SIGTERM and waits for it to exit. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            awaitExit();
        }
    }

    /** Stops the process with SIGKILL, as a crash would, and waits for it to exit. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** Stops the server and starts it again on the same port, with the same binlog directory. */
    public synchronized BeanstalkdServer restart() {
        stop();
        return start();
    }

    /** Sends SIGUSR1, which puts beanstalkd into drain mode: every later put is answered {@code DRAINING}. */
    public synchronized void drain() {
        signal("USR1");
    }

    /** Sends the named signal ({@code "USR1"}, {@code "STOP"}, {@code "CONT"}, ...) to the process. */
    public synchronized void signal(String name) {
        Objects.requireNonNull(process, "the server is not started");
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not send SIG" + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + name, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id of the running server. */
    public long pid() {
        Objects.requireNonNull(process, "the server is not started");
        return process.pid();
    }

    /** The binlog directory given to {@code -b}, or {@code null} when the server runs without one. */
    public Path binlogDirectory() {
        return binlogDirectory;
    }

    @Override
    public void close() {
        kill();
    }

    @Override
    public String toString() {
        return "beanstalkd at " + host() + ":" + port;
    }

    /** The beanstalkd binary named by {@code BEANSTALKD}, else the first on {@code PATH}. */
    public static Path locateBinary() {
        String configured = System.getenv("BEANSTALKD");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new IllegalStateException("BEANSTALKD=" + configured + " is not an executable file. Install beanstalkd"
                    + " with `" + INSTALL_HINT + "` or point BEANSTALKD at a beanstalkd binary.");
        }
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "beanstalkd");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("These tests need a real beanstalkd, and none was found on PATH and BEANSTALKD"
                + " is not set. Install it with `" + INSTALL_HINT + "` (macOS: `brew install beanstalkd`), or set"
                + " BEANSTALKD to the path of a beanstalkd binary.");
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with status " + process.exitValue()
                        + " before listening on port " + port);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(binary + " did not listen on port " + port + " within "
                + START_TIMEOUT_MILLIS + " ms");
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for beanstalkd", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port: " + e.getMessage(), e);
        }
    }

    /** Options of a server; {@link #build()} checks that a binary exists. */
    public static final class Builder {

        private Path binary;
        private long maxJobSize;
        private Path binlogDirectory;
        private final List<String> extraArguments = new ArrayList<>();

        private Builder() {
        }

        /** The binary to run, instead of {@code BEANSTALKD} or the one on {@code PATH}. */
        public Builder binary(Path binary) {
            this.binary = Objects.requireNonNull(binary, "binary");
            return this;
        }

        /** The {@code -z} maximum job size in bytes; beanstalkd's default (65535) when not set. */
        public Builder maxJobSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxJobSize must be positive, was " + bytes);
            }
            this.maxJobSize = bytes;
            return this;
        }

        /** The {@code -b} binlog directory, which must exist; jobs then survive {@link #restart()} and {@link #kill()}. */
        public Builder binlogDirectory(Path directory) {
            this.binlogDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Further command-line arguments, such as {@code -f 0} or {@code -F}. */
        public Builder arguments(String... arguments) {
            extraArguments.addAll(List.of(arguments));
            return this;
        }

        public BeanstalkdServer build() {
            return new BeanstalkdServer(this);
        }
    }
}
