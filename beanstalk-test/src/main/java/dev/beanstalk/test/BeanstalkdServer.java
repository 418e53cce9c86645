package dev.beanstalk.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * A beanstalkd on a free loopback port: the real {@code beanstalkd} process, found on {@code PATH} or at the path in
 * the {@code BEANSTALKD} environment variable, or with {@link Builder#embedded()} the in-process server of
 * {@code dev.beanstalk:beanstalk-embedded}.
 *
 * <p>{@link #restart()} keeps the port and the binlog directory, so a test can check what survives a restart. When no
 * binary can be found, {@link #build()} fails with a message that names the command to install one. The embedded
 * server has no process: {@link #kill()} stops it as {@link #stop()} does, and {@link #pid()} and
 * {@link #signal(String)} throw {@link UnsupportedOperationException}.
 */
public final class BeanstalkdServer implements AutoCloseable {

    /** The command that installs beanstalkd on the Debian family, named in every "not found" message. */
    public static final String INSTALL_HINT = "apt-get update && apt-get install -y beanstalkd";

    /** The dependency that provides the embedded server, named when it is missing. */
    public static final String EMBEDDED_DEPENDENCY = "dev.beanstalk:beanstalk-embedded";

    private final BeanstalkdProvider provider;
    private final long maxJobSize;
    private final Path binlogDirectory;
    private final List<String> extraArguments;
    private int port;
    private BeanstalkdProvider.Instance instance;

    private BeanstalkdServer(Builder builder) {
        this.provider = builder.embedded ? loadEmbedded()
                : new ProcessBeanstalkd(builder.binary != null ? builder.binary : locateBinary());
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

    /** Starts the server, on a free port the first time and on the same port after, and waits until it listens. */
    public synchronized BeanstalkdServer start() {
        if (instance != null && instance.isRunning()) {
            return this;
        }
        instance = provider.start(new BeanstalkdProvider.Options(port, maxJobSize, binlogDirectory, extraArguments));
        port = instance.port();
        return this;
    }

    /** Stops the server cleanly (SIGTERM for the process) and waits until it has stopped. */
    public synchronized void stop() {
        if (instance != null) {
            instance.stop();
        }
    }

    /** Stops the process with SIGKILL, as a crash would, and waits for it to exit; stops the embedded server. */
    public synchronized void kill() {
        if (instance != null) {
            instance.kill();
        }
    }

    /** Stops the server and starts it again on the same port, with the same binlog directory. */
    public synchronized BeanstalkdServer restart() {
        stop();
        return start();
    }

    /** Enters drain mode (SIGUSR1 for the process): every later put is answered {@code DRAINING}. */
    public synchronized void drain() {
        started().drain();
    }

    /**
     * Sends the named signal ({@code "USR1"}, {@code "STOP"}, {@code "CONT"}, ...) to the process.
     *
     * @throws UnsupportedOperationException for the embedded server
     */
    public synchronized void signal(String name) {
        started().signal(name);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return instance != null && instance.isRunning();
    }

    /** Whether this is the in-process server of beanstalk-embedded rather than a beanstalkd process. */
    public boolean isEmbedded() {
        return !(provider instanceof ProcessBeanstalkd);
    }

    /**
     * The process id of the running server.
     *
     * @throws UnsupportedOperationException for the embedded server
     */
    public synchronized long pid() {
        return started().pid();
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
        return (isEmbedded() ? "embedded beanstalkd at " : "beanstalkd at ") + host() + ":" + port;
    }

    private BeanstalkdProvider.Instance started() {
        return Objects.requireNonNull(instance, "the server is not started");
    }

    /** The embedded server's provider, found with {@link ServiceLoader}; fails naming the dependency to add. */
    static BeanstalkdProvider loadEmbedded() {
        return ServiceLoader.load(BeanstalkdProvider.class, BeanstalkdServer.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("An embedded beanstalkd was asked for, and none is on"
                        + " the classpath: add the test dependency " + EMBEDDED_DEPENDENCY + " (Maven: <groupId>"
                        + "dev.beanstalk</groupId><artifactId>beanstalk-embedded</artifactId><scope>test</scope>)."));
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

    /** Options of a server; {@link #build()} checks that a binary, or the embedded server, exists. */
    public static final class Builder {

        private Path binary;
        private boolean embedded;
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

        /** Runs the in-process server of {@code dev.beanstalk:beanstalk-embedded} instead of the beanstalkd binary. */
        public Builder embedded() {
            this.embedded = true;
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

        /** Further command-line arguments, such as {@code -f 0} or {@code -F}; the embedded server takes -f, -F and -s. */
        public Builder arguments(String... arguments) {
            extraArguments.addAll(List.of(arguments));
            return this;
        }

        /**
         * Builds the server, not yet started.
         *
         * @throws IllegalStateException when no beanstalkd binary, or for {@link #embedded()} no embedded server, can
         *     be found
         */
        public BeanstalkdServer build() {
            if (embedded && binary != null) {
                throw new IllegalStateException("A binary (" + binary + ") and the embedded server exclude each other;"
                        + " choose one");
            }
            return new BeanstalkdServer(this);
        }
    }
}
