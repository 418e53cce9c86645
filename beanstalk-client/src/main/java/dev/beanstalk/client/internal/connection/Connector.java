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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens sockets to the configured servers, trying them in order, all within one connect timeout.
 *
 * <p>Replies nobody waits for are read, and futures completed, on daemon threads named {@code beanstalk-reader-N} of
 * one shared cached pool; they end a minute after their last task.
 */
public final class Connector {

    /** The prefix of the reader threads' names. */
    public static final String READER_THREAD_PREFIX = "beanstalk-reader-";

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

    /** Connects to the first server that accepts within the connect timeout, or throws naming every server tried. */
    public ProtocolConnection connect() {
        return connect(System.nanoTime() + options.connectTimeout().toNanos(), socket -> { });
    }

    /**
     * Connects to the first server that accepts before {@code deadline} ({@link System#nanoTime()}), handing each
     * socket to {@code dialing} before it connects, so that it can be closed from another thread.
     */
    public ProtocolConnection connect(long deadline, Consumer<Socket> dialing) {
        BeanstalkConnectionException failure = null;
        for (ServerAddress server : options.servers()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left < 1) {
                if (failure == null) {
                    failure = new BeanstalkConnectionException("could not connect to beanstalkd at " + server
                            + ": no time left of the " + options.connectTimeout().toMillis() + " ms connect timeout");
                }
                break;
            }
            try {
                return connect(server, (int) Math.min(left, Integer.MAX_VALUE), dialing);
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

    private ProtocolConnection connect(ServerAddress server, int timeoutMillis, Consumer<Socket> dialing)
            throws IOException {
        Socket socket = new Socket();
        try {
            dialing.accept(socket);
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(server.host(), server.port()), timeoutMillis);
            SSLContext tls = options.sslContext(server);
            Socket stream = tls == null ? socket : handshake(tls, socket, server, timeoutMillis);
            return new ProtocolConnection(stream, limits, (int) options.readTimeout().toMillis(), options.maxInFlight(),
                    READERS);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Layers TLS over a connected socket and completes the handshake within what is left of the connect timeout. */
    private SSLSocket handshake(SSLContext tls, Socket socket, ServerAddress server, int timeoutMillis)
            throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, server.host(), server.port(), true);
        if (options.hostnameVerification()) {
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
        }
        secure.setSoTimeout(timeoutMillis);
        try {
            secure.startHandshake();
        } catch (IOException e) {
            String rule = options.hostnameVerification()
                    ? " (the certificate must be trusted and name " + server.host() + ")" : " (untrusted certificate)";
            throw new IOException("TLS handshake failed" + rule + ": " + e.getMessage(), e);
        }
        secure.setSoTimeout(0);
        return secure;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, READER_THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
