package dev.beanstalk.client;

import dev.beanstalk.client.internal.protocol.Limits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * How to reach beanstalkd and how long to wait for it: shared by {@link BeanstalkClient} and
 * {@link BeanstalkConnection}.
 *
 * <p>With several servers, a {@link BeanstalkClient} is a fleet of them; a {@link BeanstalkConnection} opened from
 * these options goes to the first that accepts it, in order. With an {@link SSLContext}, for every server or for
 * some, connections speak TLS (to stunnel or HAProxy in front of beanstalkd), the handshake bounded by the connect
 * timeout, and the server's certificate must name the host as given unless hostname verification is turned off.
 * The read timeout bounds every
 * reply except that of a blocking reserve, which waits as long as the reserve itself may, plus the read timeout. The
 * maximum job size bounds both the bodies this client sends and those it accepts; set it to the server's {@code -z}.
 * The read timeout also bounds every write, and the wait for room in flight; the connect timeout bounds the time one
 * call may spend connecting, over every attempt and server.
 */
public final class ConnectionOptions {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_YAML_SIZE = 32 * 1024 * 1024;
    /** Commands in flight per connection by default: well above what the server needs for its full pipelined speed. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4096;
    /** The most commands in flight per connection that may be configured. */
    public static final int MAX_IN_FLIGHT_LIMIT = 1 << 20;

    private final List<ServerAddress> servers;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxJobSize;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final int maxInFlight;
    private final @Nullable SSLContext sslContext;
    private final Map<ServerAddress, SSLContext> serverSslContexts;
    private final boolean hostnameVerification;

    private ConnectionOptions(Builder builder) {
        if (builder.servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server is required");
        }
        this.servers = List.copyOf(builder.servers);
        this.connectTimeout = positiveMillis("connectTimeout", builder.connectTimeout);
        this.readTimeout = positiveMillis("readTimeout", builder.readTimeout);
        this.reconnectDelay = positiveMillis("reconnectDelay", builder.reconnectDelay);
        this.maxReconnectDelay = positiveMillis("maxReconnectDelay", builder.maxReconnectDelay);
        if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new IllegalArgumentException("maxReconnectDelay " + maxReconnectDelay
                    + " must not be shorter than reconnectDelay " + reconnectDelay);
        }
        if (builder.maxJobSize < 0 || builder.maxJobSize > Limits.MAX_JOB_SIZE) {
            throw new IllegalArgumentException("maxJobSize must be between 0 and " + Limits.MAX_JOB_SIZE
                    + " bytes (beanstalkd's own limit), was " + builder.maxJobSize);
        }
        this.maxJobSize = builder.maxJobSize;
        if (builder.maxInFlight < 1 || builder.maxInFlight > MAX_IN_FLIGHT_LIMIT) {
            throw new IllegalArgumentException("maxInFlight must be between 1 and " + MAX_IN_FLIGHT_LIMIT + ", was "
                    + builder.maxInFlight);
        }
        this.maxInFlight = builder.maxInFlight;
        this.sslContext = builder.sslContext;
        for (ServerAddress server : builder.serverSslContexts.keySet()) {
            if (!servers.contains(server)) {
                throw new IllegalArgumentException("an SSLContext is given for " + server + ", which is not one of the"
                        + " servers " + servers);
            }
        }
        this.serverSslContexts = Map.copyOf(builder.serverSslContexts);
        this.hostnameVerification = builder.hostnameVerification;
    }

    /** Options for one server at {@code host:port}, with every other option at its default. */
    public static ConnectionOptions of(String host, int port) {
        return builder().server(host, port).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().servers(servers).connectTimeout(connectTimeout).readTimeout(readTimeout)
                .maxJobSize(maxJobSize).reconnectDelay(reconnectDelay).maxReconnectDelay(maxReconnectDelay)
                .maxInFlight(maxInFlight).sslContext(sslContext).hostnameVerification(hostnameVerification)
                .serverSslContexts(serverSslContexts);
    }

    public List<ServerAddress> servers() {
        return servers;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public int maxJobSize() {
        return maxJobSize;
    }

    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** How many commands one connection may have queued or awaiting replies; callers beyond wait for room. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** The TLS context for connections to {@code server}: its own if it has one, else the fleet's, else null. */
    public @Nullable SSLContext sslContext(ServerAddress server) {
        SSLContext own = serverSslContexts.get(server);
        return own != null ? own : sslContext;
    }

    /** Whether a TLS server's certificate must match the host name or address connected to; true by default. */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    @Override
    public String toString() {
        return "ConnectionOptions[servers=" + servers + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", maxJobSize=" + maxJobSize + ", maxInFlight=" + maxInFlight + "]";
    }

    private static Duration positiveMillis(String name, Duration value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(name + " must be between 1 ms and " + Integer.MAX_VALUE + " ms, was "
                    + value);
        }
        return value;
    }

    /** Builds {@link ConnectionOptions}; {@code localhost:11300} when no server is named. */
    public static final class Builder {

        private List<ServerAddress> servers = List.of();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxJobSize = Limits.DEFAULT_MAX_JOB_SIZE;
        private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;
        private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private @Nullable SSLContext sslContext;
        private final Map<ServerAddress, SSLContext> serverSslContexts = new LinkedHashMap<>();
        private boolean hostnameVerification = true;

        private Builder() {
        }

        /** Speaks TLS with this context to every server without one of its own; null for plain TCP. */
        public Builder sslContext(@Nullable SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Speaks TLS with this context to {@code server}, which must be one of the servers. */
        public Builder sslContext(ServerAddress server, SSLContext sslContext) {
            serverSslContexts.put(Objects.requireNonNull(server, "server"),
                    Objects.requireNonNull(sslContext, "sslContext"));
            return this;
        }

        private Builder serverSslContexts(Map<ServerAddress, SSLContext> contexts) {
            serverSslContexts.putAll(contexts);
            return this;
        }

        /** Whether a TLS server's certificate must match the host connected to; turn it off only for tests. */
        public Builder hostnameVerification(boolean hostnameVerification) {
            this.hostnameVerification = hostnameVerification;
            return this;
        }

        /** One server; replaces any named before. */
        public Builder server(String host, int port) {
            return servers(List.of(new ServerAddress(host, port)));
        }

        /**
         * The servers of a fleet, or to try in order for one connection; replaces any named before, and forgets the TLS
         * contexts of servers no longer named.
         */
        public Builder servers(List<ServerAddress> servers) {
            Objects.requireNonNull(servers, "servers");
            if (servers.isEmpty()) {
                throw new IllegalArgumentException("servers must not be empty");
            }
            this.servers = List.copyOf(servers);
            serverSslContexts.keySet().retainAll(this.servers);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** The largest job body sent or accepted, in bytes; beanstalkd's default {@code -z} of 65535 when not set. */
        public Builder maxJobSize(int maxJobSize) {
            this.maxJobSize = maxJobSize;
            return this;
        }

        /** The first pause before reconnecting after a failure; it doubles up to {@link #maxReconnectDelay}. */
        public Builder reconnectDelay(Duration reconnectDelay) {
            this.reconnectDelay = reconnectDelay;
            return this;
        }

        public Builder maxReconnectDelay(Duration maxReconnectDelay) {
            this.maxReconnectDelay = maxReconnectDelay;
            return this;
        }

        /**
         * How many commands one connection may have queued or awaiting replies,
         * {@value ConnectionOptions#DEFAULT_MAX_IN_FLIGHT} by default; a caller beyond it waits for room within the
         * read timeout, reading replies meanwhile.
         */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public ConnectionOptions build() {
            if (servers.isEmpty()) {
                servers = List.of(new ServerAddress("localhost", ServerAddress.DEFAULT_PORT));
            }
            return new ConnectionOptions(this);
        }
    }
}
