package dev.beanstalk.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that behaves like a host whose SYNs are dropped: a connect to it neither succeeds nor is refused,
 * it times out. It is a listening socket that never accepts, its backlog filled, so no packet leaves the machine.
 */
public final class UnreachablePort implements AutoCloseable {

    private static final int FILL_ATTEMPTS = 64;

    private final ServerSocket listener;
    private final List<Socket> backlog = new ArrayList<>();

    private UnreachablePort() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        for (int i = 0; i < FILL_ATTEMPTS; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(listener.getLocalSocketAddress(), 200);
                backlog.add(socket);
            } catch (IOException full) {
                socket.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the backlog of a listening socket never filled; connects would not time out");
    }

    /** Opens a port whose connects time out. */
    public static UnreachablePort open() {
        try {
            return new UnreachablePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        for (Socket socket : backlog) {
            closeQuietly(socket);
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
