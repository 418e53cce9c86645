package dev.beanstalk.embedded.conformance;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client connection of a scenario, over TCP or a UNIX socket: a thread reads what arrives into a queue, so that
 * every read can wait a bounded time on either kind of socket.
 */
final class Connection implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final SocketChannel channel;
    private final LinkedBlockingQueue<byte[]> arrived = new LinkedBlockingQueue<>();
    private byte[] pending = new byte[0];
    private int pendingFrom;
    private boolean ended;

    Connection(SocketAddress address) throws IOException {
        channel = SocketChannel.open(address);
        Thread reader = new Thread(this::readAll, "conformance-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        try {
            while (channel.read(buffer.clear()) >= 0) {
                arrived.add(Arrays.copyOf(buffer.array(), buffer.position()));
            }
        } catch (IOException closed) {
            // the end, as for a hang-up
        }
        arrived.add(END);
    }

    void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Up to {@code length} bytes, waiting at most {@code millis}; 0 when none came in time, -1 at the end. */
    int read(byte[] target, int offset, int length, long millis) {
        if (pendingFrom == pending.length) {
            if (ended) {
                return -1;
            }
            byte[] next;
            try {
                next = arrived.poll(Math.max(1, millis), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            if (next == null) {
                return 0;
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            pending = next;
            pendingFrom = 0;
        }
        int n = Math.min(length, pending.length - pendingFrom);
        System.arraycopy(pending, pendingFrom, target, offset, n);
        pendingFrom += n;
        return n;
    }

    void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    /**
     * Hangs up. The FIN goes out first, at once: closing a channel that a thread is reading completes only when that
     * thread wakes, which would let a command sent next on another connection overtake the hang-up.
     */
    @Override
    public void close() throws IOException {
        try {
            if (channel.isConnected()) {
                channel.shutdownOutput();
            }
        } catch (IOException alreadyGone) {
            // closed by the server
        }
        channel.close();
    }
}
