package dev.beanstalk.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free loopback port in front of a server, which injects the faults a network or a sick server
 * produces: it passes bytes through until a test asks for something else.
 *
 * <p>Faults apply to every connection, open or new, from the moment they are set: {@link #delayPerChunk(Duration)},
 * {@link #blackHole()} (new connections are accepted and never read from or answered), {@link #stopReading()} (the
 * client's bytes are no longer read, so its writes fill the socket buffers and block), {@link #dropAfter(long)} (a
 * connection is closed once that many bytes went through it towards the server), {@link #splitEveryByte()} (each byte
 * is written on its own), {@link #resetAll()} (every open connection is reset, as a crashed peer does) and
 * {@link #inject(byte[])} (bytes sent to every client as if the server wrote them). {@link #passThrough()} ends every
 * fault but a reset.
 */
public final class FaultProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long delayNanos;
    private volatile boolean blackHole;
    private volatile boolean stopReading;
    private volatile long dropAfterBytes = -1;
    private volatile boolean splitEveryByte;
    private volatile boolean closed;

    private FaultProxy(String host, int port) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon("fault-proxy-acceptor-" + listener.getLocalPort(), this::accept).start();
    }

    /** Starts a proxy in front of {@code host:port} on a free loopback port. */
    public static FaultProxy start(String host, int port) {
        try {
            return new FaultProxy(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a proxy in front of {@code server}. */
    public static FaultProxy to(BeanstalkdServer server) {
        return start(server.host(), server.port());
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many client connections the proxy accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** How many client connections are open through the proxy now. */
    public int openConnections() {
        return (int) links.stream().filter(link -> !link.client.isClosed()).count();
    }

    /** Ends every fault: bytes flow again, unchanged and undelayed, through open and new connections. */
    public FaultProxy passThrough() {
        delayNanos = 0;
        blackHole = false;
        stopReading = false;
        dropAfterBytes = -1;
        splitEveryByte = false;
        return this;
    }

    /** Waits this long before forwarding each chunk read, in both directions. */
    public FaultProxy delayPerChunk(Duration delay) {
        delayNanos = Objects.requireNonNull(delay, "delay").toNanos();
        return this;
    }

    /** New connections are accepted and then never read from or answered, as a wedged server does. */
    public FaultProxy blackHole() {
        blackHole = true;
        return this;
    }

    /** Stops reading what clients send, so their writes block once the socket buffers are full; replies still flow. */
    public FaultProxy stopReading() {
        stopReading = true;
        return this;
    }

    /** Closes a connection once {@code bytes} bytes in total went through it towards the server. */
    public FaultProxy dropAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, was " + bytes);
        }
        dropAfterBytes = bytes;
        return this;
    }

    /** Forwards every byte in a write of its own, in both directions. */
    public FaultProxy splitEveryByte() {
        splitEveryByte = true;
        return this;
    }

    /** Resets every open connection (an RST to the client, the server side closed); new ones are accepted as usual. */
    public FaultProxy resetAll() {
        for (Link link : links) {
            link.reset();
        }
        return this;
    }

    /** Sends {@code bytes} to every connected client as if the server had written them. */
    public FaultProxy inject(byte[] bytes) {
        for (Link link : links) {
            link.toClient(bytes);
        }
        return this;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Link link : links) {
            link.close();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[127.0.0.1:" + port() + " -> " + target + "]";
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            if (blackHole) {
                links.add(new Link(client, null));
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(target, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            Link link = new Link(client, server);
            links.add(link);
            link.start();
        }
    }

    /** One client connection and its connection to the server. */
    private final class Link {

        final Socket client;
        final Socket server;
        private long upstreamBytes;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            daemon("fault-proxy-up-" + client.getPort(), () -> pump(client, server, true)).start();
            daemon("fault-proxy-down-" + client.getPort(), () -> pump(server, client, false)).start();
        }

        private void pump(Socket from, Socket to, boolean upstream) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                while (true) {
                    while (upstream && stopReading && !from.isClosed()) {
                        Thread.sleep(5);
                    }
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    long delay = delayNanos;
                    if (delay > 0) {
                        Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
                    }
                    n = upstream ? allowed(n) : n;
                    forward(out, buffer, n);
                    if (upstream && dropAfterBytes >= 0 && upstreamBytes >= dropAfterBytes) {
                        break;
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // the link ends
            }
            close();
        }

        /** How much of {@code n} bytes read may go on before the drop-after limit. */
        private int allowed(int n) {
            long limit = dropAfterBytes;
            int allowed = limit < 0 ? n : (int) Math.max(0, Math.min(n, limit - upstreamBytes));
            upstreamBytes += allowed;
            return allowed;
        }

        private void forward(OutputStream out, byte[] buffer, int n) throws IOException {
            if (splitEveryByte) {
                for (int i = 0; i < n; i++) {
                    synchronized (this) {
                        out.write(buffer[i]);
                        out.flush();
                    }
                }
            } else {
                synchronized (this) {
                    out.write(buffer, 0, n);
                }
            }
        }

        void toClient(byte[] bytes) {
            try {
                synchronized (this) {
                    client.getOutputStream().write(bytes);
                }
            } catch (IOException e) {
                close();
            }
        }

        void reset() {
            try {
                client.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // closing anyway
            }
            close();
        }

        void close() {
            closeQuietly(client);
            if (server != null) {
                closeQuietly(server);
            }
            links.remove(this);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
