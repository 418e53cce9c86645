package dev.beanstalk.benchmarks;

import dev.beanstalk.client.ServerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The servers of the fleet scenarios: {@code BEANSTALK_SERVERS} (host:port, comma-separated) when set, else the
 * benchmark's server and two more beanstalkd processes this starts beside it on free loopback ports, stopped on
 * {@link #close()}.
 */
final class BenchmarkFleet implements AutoCloseable {

    private static final int EXTRA_SERVERS = 2;

    private final BenchmarkSettings settings;
    private final List<Process> started = new ArrayList<>();
    private List<ServerAddress> servers;

    BenchmarkFleet(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /** The servers, starting the extra ones on first use. */
    synchronized List<ServerAddress> servers() {
        if (servers == null) {
            String listed = System.getenv("BEANSTALK_SERVERS");
            servers = listed != null && !listed.isBlank()
                    ? List.of(listed.split(",")).stream().map(String::strip).map(ServerAddress::parse).toList()
                    : startExtra();
        }
        return servers;
    }

    /** The servers as {@code beanstalk.servers} takes them. */
    String addresses() {
        return servers().stream().map(ServerAddress::toString).collect(Collectors.joining(","));
    }

    @Override
    public synchronized void close() {
        for (Process process : started) {
            process.destroy();
        }
    }

    private List<ServerAddress> startExtra() {
        List<ServerAddress> fleet = new ArrayList<>(List.of(new ServerAddress(settings.host(), settings.port())));
        try {
            for (int i = 0; i < EXTRA_SERVERS; i++) {
                int port = freePort();
                started.add(new ProcessBuilder("beanstalkd", "-l", "127.0.0.1", "-p", Integer.toString(port))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                awaitListening(port);
                fleet.add(new ServerAddress("127.0.0.1", port));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not start beanstalkd (is it on PATH?); or set BEANSTALK_SERVERS", e);
        }
        return List.copyOf(fleet);
    }

    private static void awaitListening(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw notYet;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
