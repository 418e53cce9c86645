package dev.beanstalk.embedded.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server binary (the real beanstalkd or the embedded launcher) run as a process with exactly the given flags, for
 * what {@code BeanstalkdServer} does not cover: UNIX sockets, flag checks and signals at start-up.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path stderr;

    private ServerProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static ServerProcess start(Path binary, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        try {
            Path stderr = Files.createTempFile("server-stderr-", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile()).start();
            return new ServerProcess(process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Polls until the server accepts on {@code address} (true) or exits or 10 s pass (false). */
    boolean awaitAccepting(SocketAddress address) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (SocketChannel probe = SocketChannel.open(address)) {
                return probe.isConnected();
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        return false;
    }

    /** The exit status, once the process ended within 10 s; -1 if it is still running. */
    int awaitExit() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process as {@code kill -9} does and waits for it. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        kill();
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
