package dev.beanstalk.client.internal.connection;

import dev.beanstalk.client.BeanstalkConnectionException;
import dev.beanstalk.client.ConnectionOptions;
import dev.beanstalk.client.ServerAddress;
import dev.beanstalk.client.internal.protocol.Command;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens sockets to the configured servers, trying them in order, with the configured timeouts. */
public final class Connector {

    private static final ExecutorService READERS = Executors.newCachedThreadPool(daemonThreads());

    private final ConnectionOptions options;
    private final Command.ReplyLimits limits;

    public Connector(ConnectionOptions options) {
        this.options = options;
        this.limits = new Command.ReplyLimits(options.maxJobSize(), ConnectionOptions.DEFAULT_MAX_YAML_SIZE);
    }

    public ConnectionOptions options() {
        return options;
    }

    /** Connects to the first server that accepts, or throws naming every server tried. */
    public ProtocolConnection connect() {
        BeanstalkConnectionException failure = null;
        for (ServerAddress server : options.servers()) {
            try {
                return connect(server);
            } catch (IOException e) {
                BeanstalkConnectionException error = new BeanstalkConnectionException("could not connect to beanstalkd at "
                        + server + ": " + e.getMessage(), e);
                if (failure == null) {
                    failure = error;
                } else {
                    failure.addSuppressed(error);
                }
            }
        }
        throw failure;
    }

    private ProtocolConnection connect(ServerAddress server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) options.connectTimeout().toMillis());
            return new ProtocolConnection(socket, limits, (int) options.readTimeout().toMillis(), READERS);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "beanstalk-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
