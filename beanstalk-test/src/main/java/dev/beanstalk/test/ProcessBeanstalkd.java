package dev.beanstalk.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code beanstalkd}, run as a process from {@code binary}. */
final class ProcessBeanstalkd implements BeanstalkdProvider {

    private static final long START_TIMEOUT_MILLIS = 10_000;
    private static final int FREE_PORT_ATTEMPTS = 5;

    private final Path binary;

    ProcessBeanstalkd(Path binary) {
        this.binary = binary;
    }

    /**
     * Starts beanstalkd on the requested port, or on a free one; a free port that another process takes first (a race
     * no check can close) is replaced by another, a few times.
     */
    @Override
    public Instance start(Options options) {
        for (int attempt = 1; ; attempt++) {
            int port = options.port() != 0 ? options.port() : freePort();
            Process process = launch(options, port);
            if (awaitListening(process, port)) {
                return new Running(process, port);
            }
            if (options.port() != 0 || attempt == FREE_PORT_ATTEMPTS) {
                throw new IllegalStateException(binary + " exited with status " + process.exitValue()
                        + " before listening on port " + port);
            }
        }
    }

    private Process launch(Options options, int port) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.add("-l");
        command.add("127.0.0.1");
        command.add("-p");
        command.add(Integer.toString(port));
        if (options.maxJobSize() > 0) {
            command.add("-z");
            command.add(Long.toString(options.maxJobSize()));
        }
        if (options.binlogDirectory() != null) {
            command.add("-b");
            command.add(options.binlogDirectory().toString());
        }
        command.addAll(options.arguments());
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return binary.toString();
    }

    /** Waits until the process listens; false if it exited first, as beanstalkd does when the port is taken. */
    private boolean awaitListening(Process process, int port) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                sleep(20);
                return process.isAlive();
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(binary + " did not listen on port " + port + " within "
                + START_TIMEOUT_MILLIS + " ms");
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

    private record Running(Process process, int port) implements Instance {

        @Override
        public boolean isRunning() {
            return process.isAlive();
        }

        @Override
        public void stop() {
            process.destroy();
            awaitExit();
        }

        @Override
        public void kill() {
            process.destroyForcibly();
            awaitExit();
        }

        @Override
        public void drain() {
            signal("USR1");
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public void signal(String name) {
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

        private void awaitExit() {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
