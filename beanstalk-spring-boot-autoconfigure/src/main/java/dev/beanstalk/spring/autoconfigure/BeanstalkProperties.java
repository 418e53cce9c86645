package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.JobOptions;
import dev.beanstalk.spring.listener.BeanstalkListenerEndpointRegistry;
import dev.beanstalk.spring.listener.ContainerProperties;
import dev.beanstalk.spring.listener.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    private final Listener listener = new Listener();

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

    public Listener getListener() {
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

    /** Defaults of {@code @BeanstalkListener} containers; each annotation may override them. */
    public static class Listener {

        /** Number of workers per listener and server of beanstalk.servers, each with its own connection. */
        private int concurrency = 1;

        /** Whether listener containers start with the application context. */
        private boolean autoStartup = true;

        /** How long a worker's reserve waits for a job before it checks for a stop or a pause (whole seconds). */
        private Duration reserveTimeout = Duration.ofSeconds(1);

        /**
         * How long a stop waits for running handlers before it releases their jobs; with the half second it then
         * gives them, it should fit in spring.lifecycle.timeout-per-shutdown-phase (a startup warning says when not).
         */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        /**
         * Lifecycle phase of the listener containers: they start after, and stop before, beans of lower phases
         * such as the web server.
         */
        private int phase = BeanstalkListenerEndpointRegistry.PHASE;

        /** Whether handlers that run long are touched before their job's TTR runs out. */
        private boolean autoTouch = true;

        /**
         * Ready jobs a worker reserves at once and runs one after the other; above 1 it is faster for short handlers,
         * but jobs wait in the worker and their TTR runs while they wait.
         */
        private int prefetch = 1;

        /**
         * Whether each handled job is a Micrometer observation, {@code beanstalk.listener}, whose scope the handler
         * runs in (a span with tracing, so its logs carry the trace id).
         */
        private boolean observationEnabled;

        /**
         * Tube that jobs go to, body, priority and TTR unchanged, when their attempts are exhausted or they are never
         * retried; each is put there, then deleted from its own tube. Unset, they are buried.
         */
        private @Nullable String deadLetterTube;

        /** How long a container must go without a job before it publishes a ListenerContainerIdleEvent; unset, never. */
        private @Nullable Duration idleEventInterval;

        private final Retry retry = new Retry();

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public Duration getReserveTimeout() {
            return reserveTimeout;
        }

        public void setReserveTimeout(Duration reserveTimeout) {
            this.reserveTimeout = reserveTimeout;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public int getPhase() {
            return phase;
        }

        public void setPhase(int phase) {
            this.phase = phase;
        }

        public boolean isAutoTouch() {
            return autoTouch;
        }

        public void setAutoTouch(boolean autoTouch) {
            this.autoTouch = autoTouch;
        }

        public int getPrefetch() {
            return prefetch;
        }

        public void setPrefetch(int prefetch) {
            this.prefetch = prefetch;
        }

        public boolean isObservationEnabled() {
            return observationEnabled;
        }

        public void setObservationEnabled(boolean observationEnabled) {
            this.observationEnabled = observationEnabled;
        }

        public @Nullable String getDeadLetterTube() {
            return deadLetterTube;
        }

        public void setDeadLetterTube(@Nullable String deadLetterTube) {
            this.deadLetterTube = deadLetterTube;
        }

        public @Nullable Duration getIdleEventInterval() {
            return idleEventInterval;
        }

        public void setIdleEventInterval(@Nullable Duration idleEventInterval) {
            this.idleEventInterval = idleEventInterval;
        }

        public Retry getRetry() {
            return retry;
        }

        ContainerProperties toContainerProperties(boolean virtualThreads) {
            return new ContainerProperties(concurrency, autoStartup, reserveTimeout, shutdownTimeout, autoTouch,
                    retry.toRetryPolicy(), virtualThreads, prefetch, deadLetterTube, idleEventInterval);
        }
    }

    /** What happens to a job whose handler failed. */
    public static class Retry {

        /** How many times a job may be reserved before a failure buries it; 1 buries on the first failure. */
        private int maxAttempts = 1;

        /** Release delay after the first failure (whole seconds). */
        private Duration initialDelay = Duration.ofSeconds(1);

        /** Factor applied to the release delay after each further failure. */
        private double multiplier = 2.0;

        /** Longest release delay. */
        private Duration maxDelay = Duration.ofMinutes(1);

        /**
         * Exception classes never retried, also when they cause the one thrown: such a job goes straight to the
         * dead-letter tube, or is buried. JobConversionException is always among them.
         */
        private List<Class<? extends Throwable>> noRetryFor = new ArrayList<>();

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public List<Class<? extends Throwable>> getNoRetryFor() {
            return noRetryFor;
        }

        public void setNoRetryFor(List<Class<? extends Throwable>> noRetryFor) {
            this.noRetryFor = noRetryFor;
        }

        RetryPolicy toRetryPolicy() {
            return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, Set.copyOf(noRetryFor));
        }
    }
}
