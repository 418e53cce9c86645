package dev.beanstalk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code stunnel4} terminating TLS in front of a beanstalkd, with a {@link TestCertificate}: what production
 * setups put in front of a server that speaks no TLS. A test closes it to stop the process.
 */
public final class Stunnel implements AutoCloseable {

    /** How to install stunnel where it is missing. */
    public static final String INSTALL_HINT = "apt-get update && apt-get install -y stunnel4";

    private final Process process;
    private final int port;

    private Stunnel(Path binary, Path directory, TestCertificate certificate, int target) throws IOException {
        this.port = freePort();
        Path config = Files.writeString(directory.resolve("stunnel.conf"), String.join("\n",
                "foreground = yes", "pid =", "debug = 4", "", "[beanstalkd]",
                "accept = 127.0.0.1:" + port, "connect = 127.0.0.1:" + target,
                "cert = " + certificate.certificateFile(), "key = " + certificate.keyFile(), ""));
        this.process = new ProcessBuilder(binary.toString(), config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("stunnel.log").toFile()).start();
        awaitListening(directory.resolve("stunnel.log"));
    }

    /** Starts stunnel on a free loopback port, forwarding to {@code server}, presenting {@code certificate}. */
    public static Stunnel start(BeanstalkdServer server, TestCertificate certificate, Path directory) {
        try {
            return new Stunnel(locateBinary(), directory, certificate, server.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("stunnel exited: " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleepBriefly();
            }
        }
        close();
        throw new IllegalStateException("stunnel did not listen on " + port + " within 10 s: " + Files.readString(log));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for stunnel", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path locateBinary() {
        for (String name : new String[] {"stunnel4", "stunnel"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("stunnel4 is not installed; install it with: " + INSTALL_HINT);
    }
}
