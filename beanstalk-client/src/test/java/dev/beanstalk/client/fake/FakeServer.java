package dev.beanstalk.client.fake;

import dev.beanstalk.client.ConnectionOptions;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted beanstalkd stand-in on a loopback port: every accepted connection runs the script on its own thread, which
 * reads what the client sent and writes whatever bytes the test wants, split and delayed as it likes.
 *
 * <p>Everything the client sends is recorded. Assertion errors thrown by a script are rethrown by {@link #close()}.
 */
public final class FakeServer implements AutoCloseable {

    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Script script;
    private final Thread acceptor;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FakeServer(Script script) throws IOException {
        this.script = script;
        this.serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "fake-beanstalkd-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server that runs {@code script} for every connection. */
    public static FakeServer start(Script script) {
        try {
            return new FakeServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a server that answers every command (with its body, for put) with {@code replies.apply(line)}. */
    public static FakeServer replying(Function<String, String> replies) {
        return start(peer -> {
            while (true) {
                String line;
                try {
                    line = peer.readCommand();
                } catch (EOFException e) {
                    return;
                }
                if (line.equals("quit")) {
                    return;
                }
                peer.send(replies.apply(line));
            }
        });
    }

    /** Plausible replies for every command, so that a valid call succeeds. */
    public static String typicalReply(String line) {
        String command = line.contains(" ") ? line.substring(0, line.indexOf(' ')) : line;
        String argument = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
        return switch (command) {
            case "put" -> "INSERTED 1\r\n";
            case "use" -> "USING " + argument + "\r\n";
            case "reserve", "reserve-job" -> "RESERVED 1 1\r\nx\r\n";
            case "reserve-with-timeout" -> "TIMED_OUT\r\n";
            case "delete" -> "DELETED\r\n";
            case "release" -> "RELEASED\r\n";
            case "bury" -> "BURIED\r\n";
            case "touch" -> "TOUCHED\r\n";
            case "watch", "ignore" -> "WATCHING 1\r\n";
            case "peek", "peek-ready", "peek-delayed", "peek-buried" -> "FOUND 1 1\r\nx\r\n";
            case "kick" -> "KICKED 0\r\n";
            case "kick-job" -> "KICKED\r\n";
            case "list-tube-used" -> "USING default\r\n";
            case "list-tubes", "list-tubes-watched" -> "OK 14\r\n---\n- default\n\r\n";
            case "pause-tube" -> "PAUSED\r\n";
            default -> "NOT_FOUND\r\n";
        };
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Options pointing at this server, with a short read timeout so that a broken test fails fast. */
    public ConnectionOptions.Builder options() {
        return ConnectionOptions.builder().server(InetAddress.getLoopbackAddress().getHostAddress(), port())
                .readTimeout(Duration.ofSeconds(3)).connectTimeout(Duration.ofSeconds(3));
    }

    /** How many connections the server accepted so far. */
    public int connections() {
        return peers.size();
    }

    /** The peer of the {@code index}-th accepted connection, waiting up to 5 s for it. */
    public Peer peer(int index) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (peers.size() <= index) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection #" + index + " within 5 s");
            }
            pause(5);
        }
        return peers.get(index);
    }

    /** Every byte every client sent, in connection order, as ISO-8859-1 text. */
    public String received() {
        StringBuilder text = new StringBuilder();
        for (Peer peer : peers) {
            text.append(peer.received());
        }
        return text.toString();
    }

    /** Every command line the replying server read, without CRLF. */
    public List<String> commands() {
        List<String> lines = new ArrayList<>();
        for (Peer peer : peers) {
            lines.addAll(peer.commands);
        }
        return lines;
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Peer peer : peers) {
            peer.close();
        }
        try {
            acceptor.join(5_000);
            for (Thread thread : threads) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!errors.isEmpty()) {
            AssertionError error = new AssertionError("the fake server's script failed: " + errors.get(0), errors.get(0));
            errors.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            Peer peer = new Peer(socket);
            peers.add(peer);
            Thread thread = new Thread(() -> run(peer), "fake-beanstalkd-" + peers.size());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(Peer peer) {
        try {
            script.run(peer);
        } catch (EOFException | SocketException e) {
            if (!closed && !peer.expectingClose) {
                errors.add(e);
            }
        } catch (Throwable e) {
            if (!closed || e instanceof AssertionError) {
                errors.add(e);
            }
        } finally {
            peer.close();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The server's end of one client connection. */
    public static final class Peer {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final List<String> commands = new CopyOnWriteArrayList<>();
        private volatile boolean expectingClose;

        Peer(Socket socket) {
            this.socket = socket;
            try {
                socket.setTcpNoDelay(true);
                this.in = socket.getInputStream();
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads one CRLF-terminated line and returns it without the CRLF. */
        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int b = readByte();
                if (previous == '\r' && b == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                }
                line.write(b);
                previous = b;
            }
        }

        /** Reads a command line and, for {@code put}, its body and CRLF; returns the line. */
        public String readCommand() throws IOException {
            String line = readLine();
            commands.add(line);
            if (line.startsWith("put ")) {
                int bytes = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                read(bytes + 2);
            }
            return line;
        }

        /** Reads a line and fails the script unless it is {@code expected}. */
        public void expect(String expected) throws IOException {
            String line = readCommand();
            if (!line.equals(expected)) {
                throw new AssertionError("expected the command '" + expected + "' but the client sent '" + line + "'");
            }
        }

        public byte[] read(int length) throws IOException {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) readByte();
            }
            return data;
        }

        public void send(String ascii) throws IOException {
            send(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void send(byte[] data) throws IOException {
            out.write(data);
            out.flush();
        }

        /** Writes {@code data} in pieces of {@code chunk} bytes, pausing {@code pauseMillis} between them. */
        public void sendSlowly(byte[] data, int chunk, long pauseMillis) throws IOException {
            for (int from = 0; from < data.length; from += chunk) {
                out.write(data, from, Math.min(chunk, data.length - from));
                out.flush();
                if (from + chunk < data.length) {
                    pause(pauseMillis);
                }
            }
        }

        /** Waits until the client closes the connection, failing after {@code timeout}; returns what it sent meanwhile. */
        public String awaitClose(Duration timeout) throws IOException {
            expectingClose = true;
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            try {
                while (true) {
                    int b = in.read();
                    if (b < 0) {
                        return rest.toString(StandardCharsets.ISO_8859_1);
                    }
                    record(b);
                    rest.write(b);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the client did not close the connection within " + timeout, e);
            } catch (SocketException e) {
                return rest.toString(StandardCharsets.ISO_8859_1);
            }
        }

        /** Keeps the connection open, answering nothing, until the client closes it or the server stops. */
        public void stayMute() throws IOException {
            expectingClose = true;
            while (in.read() >= 0) {
                // swallow
            }
        }

        /** Closes this connection from the server's side. */
        public void close() {
            expectingClose = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        public String received() {
            synchronized (received) {
                return received.toString(StandardCharsets.ISO_8859_1);
            }
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the client closed the connection");
            }
            record(b);
            return b;
        }

        private void record(int b) {
            synchronized (received) {
                received.write(b);
            }
        }
    }
}
