package dev.beanstalk.embedded.internal.network;

import dev.beanstalk.embedded.internal.server.Client;
import dev.beanstalk.embedded.internal.server.Engine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that does everything, as beanstalkd's {@code srvserve}: a selector over the listening socket and
 * every connection, with the engine's timers as the select timeout.
 */
public final class EventLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventLoop.class.getName());

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Supplier<Engine> engineFactory;
    private final boolean verbose;
    private final boolean tcp;
    private final List<Client> ended = new ArrayList<>();
    private final List<Client> served = new ArrayList<>();
    private volatile boolean running = true;
    private Engine engine;

    public EventLoop(ServerSocketChannel listener, Supplier<Engine> engineFactory, boolean verbose) throws IOException {
        this.listener = listener;
        this.engineFactory = engineFactory;
        this.verbose = verbose;
        this.tcp = listener.getLocalAddress() instanceof InetSocketAddress;
        this.selector = Selector.open();
        listener.configureBlocking(false);
    }

    /** Asks the loop to stop; it closes every connection and the listener. Safe from any thread. */
    public void shutdown() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            engine = engineFactory.get();
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (running) {
                long waitNanos;
                do {
                    waitNanos = engine.tick();
                } while (serviceDirty());
                if (waitNanos <= 0) {
                    selector.selectNow();
                } else {
                    selector.select(Math.max(1, (waitNanos + 999_999) / 1_000_000));
                }
                handleReady();
                serviceDirty();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "the beanstalkd event loop failed", e);
        } finally {
            closeAll();
        }
    }

    /**
     * Reads every ready connection first, then handles the ends of input, then runs commands: a hang-up that arrived
     * before another connection's command is seen before it, as beanstalkd sees events one at a time in order.
     */
    private void handleReady() {
        ended.clear();
        served.clear();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                accept();
                continue;
            }
            Client c = (Client) key.attachment();
            try {
                if (key.isReadable() && read(c, key)) {
                    ended.add(c);
                } else {
                    served.add(c);
                }
            } catch (IOException e) {
                close(c);
            }
        }
        serviceAll(ended);
        serviceAll(served);
    }

    private void serviceAll(List<Client> clients) {
        for (Client c : clients) {
            if (!c.isClosed()) {
                try {
                    service(c);
                } catch (IOException e) {
                    close(c);
                }
            }
        }
    }

    private void accept() {
        SocketChannel channel;
        try {
            while ((channel = listener.accept()) != null) {
                channel.configureBlocking(false);
                if (tcp) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                Client c = engine.accept();
                c.attach(channel.register(selector, SelectionKey.OP_READ, c));
                if (verbose) {
                    System.out.println("accept " + channel.getRemoteAddress());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "accept failed", e);
        }
    }

    /** Reads what the connection sent; true when it reached the end of its input. */
    private boolean read(Client c, SelectionKey key) throws IOException {
        ByteBuffer target = c.readTarget();
        if (target == null) {
            return false;
        }
        int n = ((SocketChannel) key.channel()).read(target);
        if (n < 0) {
            engine.endOfInput(c);
            return true;
        }
        c.received(n);
        return false;
    }

    /** Services every connection with news; true when there was any. */
    private boolean serviceDirty() {
        boolean any = false;
        Client c;
        while ((c = engine.pollDirty()) != null) {
            any = true;
            if (!c.isClosed()) {
                try {
                    service(c);
                } catch (IOException e) {
                    close(c);
                }
            }
        }
        return any;
    }

    /** Parses what can be parsed, writes what can be written, and closes or re-arms the connection. */
    private void service(Client c) throws IOException {
        SelectionKey key = (SelectionKey) c.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        while (true) {
            engine.process(c);
            if (c.isClosed()) {
                return;
            }
            boolean limited = !c.wantsInput() && !c.isBlockedInReserve() && !c.isClosing();
            if (!c.output().isEmpty()) {
                c.output().consumed(channel.write(c.output().view()));
                if (!c.output().isEmpty()) {
                    break;
                }
            }
            if (c.isClosing()) {
                close(c);
                return;
            }
            if (c.reachedEndOfInput()) {
                if (c.isBlockedInReserve()) {
                    engine.endOfInput(c);
                    continue;
                }
                if (!limited) {
                    close(c);
                    return;
                }
            }
            if (!limited) {
                break;
            }
        }
        updateInterest(c, key);
    }

    private void updateInterest(Client c, SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        int ops = 0;
        if (!c.output().isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        boolean blocked = c.isBlockedInReserve();
        if (!c.reachedEndOfInput() && (blocked || c.wantsInput()) && c.readTarget() != null) {
            ops |= SelectionKey.OP_READ;
        }
        key.interestOps(ops);
    }

    private void close(Client c) {
        SelectionKey key = (SelectionKey) c.attachment();
        engine.close(c);
        key.cancel();
        try {
            if (verbose) {
                System.out.println("close " + ((SocketChannel) key.channel()).getRemoteAddress());
            }
            key.channel().close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Client c) {
                close(c);
            }
        }
        try {
            listener.close();
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot close the listener", e);
        }
    }
}
