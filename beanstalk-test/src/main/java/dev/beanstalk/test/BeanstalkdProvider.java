package dev.beanstalk.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A kind of beanstalkd that {@link BeanstalkdServer} can run instead of the {@code beanstalkd} process, found with
 * {@link java.util.ServiceLoader}: {@code dev.beanstalk:beanstalk-embedded} provides the in-process server behind
 * {@code @Beanstalkd(embedded = true)}.
 */
public interface BeanstalkdProvider {

    /**
     * Starts a server on {@code 127.0.0.1} and returns once it accepts connections.
     *
     * @throws IllegalArgumentException when {@link Options#arguments()} holds a flag this provider does not support
     */
    Instance start(Options options);

    /**
     * What to start: {@code port} 0 picks a free one, {@code maxJobSize} 0 keeps the default of 65535, a null
     * {@code binlogDirectory} runs without a binlog, and {@code arguments} are further beanstalkd flags.
     */
    record Options(int port, long maxJobSize, Path binlogDirectory, List<String> arguments) {

        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
            }
            if (maxJobSize < 0) {
                throw new IllegalArgumentException("maxJobSize must not be negative, was " + maxJobSize);
            }
            arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        }
    }

    /** A started server. */
    interface Instance {

        /** The port it listens on, also when 0 was asked for. */
        int port();

        boolean isRunning();

        /** Stops it cleanly, as SIGTERM does, and returns once it no longer listens. */
        void stop();

        /** Stops it as a crash would, where the provider can; otherwise as {@link #stop()}. */
        void kill();

        /** Enters drain mode, as SIGUSR1 does: every later put is answered {@code DRAINING}. */
        void drain();

        /** The process id, for servers that run as a process. */
        default long pid() {
            throw new UnsupportedOperationException(this + " is not a process and has no pid");
        }

        /** Sends the named signal, for servers that run as a process. */
        default void signal(String name) {
            throw new UnsupportedOperationException(this + " is not a process and takes no SIG" + name);
        }
    }
}
