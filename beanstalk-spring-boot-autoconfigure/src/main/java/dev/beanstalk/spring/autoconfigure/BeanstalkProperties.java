package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.JobOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of beanstalkd: the server, the template's defaults and the listener containers' defaults. Values are
 * checked as they are bound: a bad one fails startup with a report naming the property, the value and the rule.
 */
@ConfigurationProperties("beanstalk")
public class BeanstalkProperties implements Validator {

    /** Host of the beanstalkd server. */
    private String host = "localhost";

    /** Port of the beanstalkd server. */
    private int port = 11300;

    /**
     * Servers as host:port; replaces host and port when set. Several make a fleet: puts spread over them as
     * beanstalk.fleet.strategy says, listeners take jobs from every one, and job ids carry their server's index in the
     * list, so add servers at its end.
     */
    private List<String> servers = new ArrayList<>();

    /** How long to wait for the server to accept a connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** How long to wait for a reply; a blocking reserve waits this much longer than its own timeout. */
    private Duration readTimeout = Duration.ofSeconds(10);

    /**
     * Largest job body sent or accepted, in bytes; set it to the server's -z (65535 unless changed). The embedded
     * server takes it as its -z.
     */
    private int maxJobSize = 65_535;

    /** First pause before connecting again after a failure; it doubles up to max-reconnect-delay. */
    private Duration reconnectDelay = Duration.ofMillis(100);

    /** Longest pause between attempts to connect again. */
    private Duration maxReconnectDelay = Duration.ofSeconds(10);

    /**
     * Most connections the shared client (template, health indicator) opens; they are opened as concurrent calls
     * need them, and calls beyond that share them, pipelined.
     */
    private int poolSize = 8;

    private final Template template = new Template();

    @NestedConfigurationProperty
    private final BeanstalkListenerProperties listener = new BeanstalkListenerProperties();

    private final Embedded embedded = new Embedded();

    @NestedConfigurationProperty
    private final BeanstalkFleetProperties fleet = new BeanstalkFleetProperties();

    @NestedConfigurationProperty
    private final BeanstalkSslProperties ssl = new BeanstalkSslProperties();

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public List<String> getServers() {
        return servers;
    }

    public void setServers(List<String> servers) {
        this.servers = servers;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxJobSize() {
        return maxJobSize;
    }

    public void setMaxJobSize(int maxJobSize) {
        this.maxJobSize = maxJobSize;
    }

    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public Duration getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Duration maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public int getPoolSize() {
        return poolSize;
    }

    public void setPoolSize(int poolSize) {
        this.poolSize = poolSize;
    }

    public Template getTemplate() {
        return template;
    }

    public BeanstalkListenerProperties getListener() {
        return listener;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public BeanstalkFleetProperties getFleet() {
        return fleet;
    }

    public BeanstalkSslProperties getSsl() {
        return ssl;
    }

    @Override
    public boolean supports(Class<?> type) {
        return BeanstalkProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BeanstalkPropertiesValidator.validate((BeanstalkProperties) target, errors);
    }

    /** The in-process beanstalkd of {@code beanstalk-embedded}, for development and tests. */
    public static class Embedded {

        /**
         * Whether to start the embedded beanstalkd when beanstalk-embedded is on the classpath. When not set, it
         * starts unless beanstalk.host or beanstalk.servers is set.
         */
        private @Nullable Boolean enabled;

        /** Port of the embedded beanstalkd, on 127.0.0.1; 0 picks a free port. */
        private int port;

        /** Binlog directory of the embedded beanstalkd, created if missing; without one jobs live in memory only. */
        private @Nullable Path binlogDirectory;

        public @Nullable Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public @Nullable Path getBinlogDirectory() {
            return binlogDirectory;
        }

        public void setBinlogDirectory(@Nullable Path binlogDirectory) {
            this.binlogDirectory = binlogDirectory;
        }
    }

    /** Defaults of {@code BeanstalkTemplate} puts. */
    public static class Template {

        /** Tube that puts without a tube go to. */
        private String tube = "default";

        /** Priority of puts without options; lower runs first, below 1024 is urgent. */
        private long priority = 1024;

        /** Delay before a job put without options becomes ready. */
        private Duration delay = Duration.ZERO;

        /** Time a worker may hold a job put without options before the server gives it to another. */
        private Duration ttr = Duration.ofSeconds(60);

        /** Whether each put is a Micrometer observation, {@code beanstalk.template} (a span with tracing). */
        private boolean observationEnabled;

        public String getTube() {
            return tube;
        }

        public void setTube(String tube) {
            this.tube = tube;
        }

        public long getPriority() {
            return priority;
        }

        public void setPriority(long priority) {
            this.priority = priority;
        }

        public Duration getDelay() {
            return delay;
        }

        public void setDelay(Duration delay) {
            this.delay = delay;
        }

        public Duration getTtr() {
            return ttr;
        }

        public void setTtr(Duration ttr) {
            this.ttr = ttr;
        }

        public boolean isObservationEnabled() {
            return observationEnabled;
        }

        public void setObservationEnabled(boolean observationEnabled) {
            this.observationEnabled = observationEnabled;
        }

        JobOptions toJobOptions() {
            return new JobOptions(priority, delay, ttr);
        }
    }
}
